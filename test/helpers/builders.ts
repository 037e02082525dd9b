/** In-memory builders for pure core tests: definitions, remote segments, usage. */
import type {CampaignUsage, CampaignUser, Definition, RemoteSegment} from '../../src/core/model.js'

type Leaf = {kind: 'filter'; field: string; operator: string; value?: unknown}
/** A node of a tree built with leaf() and group(), whose children are typed unknown[]. */
type TreeNode = {kind: string; joinOperator?: string; children?: unknown[]}

export function leaf(field: string, operator: string, value?: unknown): Leaf {
  return {kind: 'filter', field, operator, ...(value !== undefined ? {value} : {})}
}

export function group(joinOperator: 'and' | 'or', ...children: unknown[]) {
  return {kind: 'group' as const, joinOperator, children}
}

export function definition(name: string, root: unknown, extra: Partial<Definition> = {}): Definition {
  return {
    name,
    renamedFrom: [],
    dependsOn: [],
    protected: false,
    ensure: 'present',
    body: {root},
    source: {file: `segments/${name}.json`, kind: 'json', locate: () => ({line: 2, column: 11})},
    ...extra,
  }
}

export function absent(name: string, extra: Partial<Definition> = {}): Definition {
  return {...definition(name, undefined, extra), body: {}, ensure: 'absent'}
}

/** A Sequenzy remote segment as the API returns it (ids on every node, both filters and root). */
export function remote(id: string, name: string, root: {joinOperator: string; children: unknown[]}): RemoteSegment {
  let n = 0
  const withIds = (node: TreeNode): TreeNode & {id: string} =>
    node.kind === 'group'
      ? {...node, id: `g${++n}`, children: (node.children as TreeNode[]).map(withIds)}
      : {...node, id: `filter-${++n}`}
  const r = {...withIds({kind: 'group', ...root}), id: 'root'}
  return {id, name, raw: {id, name, filters: (r.children as TreeNode[]).filter((c) => c.kind === 'filter'), filterJoinOperator: r.joinOperator, format: 'v2', root: r}}
}

export function usage(...users: Array<Partial<CampaignUser> & {id: string; segmentIds: string[]}>): CampaignUsage {
  return {known: true, read: users.length, users: users.map((u) => ({kind: 'campaign', name: u.id, status: 'scheduled', ...u}))}
}
