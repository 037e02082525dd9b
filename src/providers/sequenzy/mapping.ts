/**
 * Sequenzy ↔ definitions. Definitions hold `root` (the v2 filter tree; seed 002). Remote segments
 * carry both `filters` (legacy) and `root`; we read `root` and fall back to `filters` for segments
 * that only have the legacy form. Server-added group/filter ids are dropped; segment ids inside
 * `segment` filters become `{ $segment: name }`.
 */
import type {JsonPath} from '../../core/model.js'
import {keyed} from '../../core/diff/keyed.js'
import {isSegmentRef} from '../../core/graph/references.js'
import type {CheckIssue, NameOf, SegmentBody} from '../provider.js'

interface Group {
  kind: 'group'
  id?: string
  joinOperator: 'and' | 'or'
  children: Node[]
}
interface Leaf {
  kind: 'filter'
  id?: string
  field: string
  operator: string
  value?: unknown
}
type Node = Group | Leaf

const EMPTY_CHECKS = new Set(['is_empty', 'is_not_empty'])

/** The remote segment's rules as a definition body. */
export function toDefinitionBody(raw: unknown, nameOf: NameOf): SegmentBody {
  const r = raw as {root?: Group; filters?: Leaf[]; filterJoinOperator?: 'and' | 'or'}
  const root: Group = r.root ?? {kind: 'group', joinOperator: r.filterJoinOperator ?? 'and', children: (r.filters ?? []).map((f) => ({...f, kind: 'filter'}))}
  return {root: strip(root, nameOf)}
}

function strip(node: Node, nameOf: NameOf): Node {
  if (node.kind === 'group') return {kind: 'group', joinOperator: node.joinOperator, children: node.children.map((c) => strip(c, nameOf))}
  const {id: _id, ...leaf} = node
  if (leaf.field === 'segment' && typeof leaf.value === 'string') {
    const name = nameOf(leaf.value)
    if (name !== undefined) return {...leaf, value: {$segment: name}}
  }
  if (EMPTY_CHECKS.has(leaf.operator) && leaf.field !== 'attribute' && (leaf.value === '' || leaf.value === undefined)) {
    const {value: _v, ...rest} = leaf
    return rest
  }
  return leaf
}

/** Ids in `segment` filters, anywhere in the tree (legacy `filters` too); nothing is copied. */
export function remoteReferences(raw: unknown): string[] {
  const r = raw as {root?: Group; filters?: Leaf[]}
  const ids: string[] = []
  const visit = (node: Node): void => {
    if (node.kind === 'group') for (const child of node.children ?? []) visit(child)
    else if (node.field === 'segment' && typeof node.value === 'string') ids.push(node.value)
  }
  if (r.root) visit(r.root)
  else for (const leaf of r.filters ?? []) if (leaf.field === 'segment' && typeof leaf.value === 'string') ids.push(leaf.value)
  return ids
}

/**
 * Comparable form: groups become `{joinOperator, children}` with children keyed by content
 * (`event is_not saas.purchase:30d`; groups by position: `group #1`), so order is irrelevant and
 * a removed filter is one removal.
 */
export function normalizeBody(body: SegmentBody, nameOf: NameOf): SegmentBody {
  const root = body.root as Group | undefined
  return root ? {root: normalizeGroup(root, nameOf)} : {}
}

function normalizeGroup(group: Group, nameOf: NameOf): Record<string, unknown> {
  let groups = 0
  const children = keyed(
    group.children.map((child) => (child.kind === 'group' ? {group: normalizeGroup(child, nameOf)} : {leaf: normalizeLeaf(child, nameOf)})),
    (item) => ('group' in item ? `group #${++groups}` : leafText(item.leaf as {field: unknown; operator: unknown; value?: unknown})),
  )
  return {
    joinOperator: group.joinOperator,
    children: Object.fromEntries(Object.entries(children).map(([k, v]) => [k, 'group' in v ? v.group : v.leaf])),
  }
}

function normalizeLeaf(leaf: Leaf, nameOf: NameOf): Record<string, unknown> {
  let value = leaf.value
  if (leaf.field === 'segment' && typeof value === 'string' && nameOf(value) !== undefined) value = {$segment: nameOf(value)}
  if (EMPTY_CHECKS.has(leaf.operator) && leaf.field !== 'attribute' && (value === '' || value === undefined)) value = undefined
  return {field: leaf.field, operator: leaf.operator, ...(value !== undefined ? {value} : {})}
}

/** `event is_not saas.purchase:30d`, `segment is segment "VIP"`. */
export function leafText(leaf: {field: unknown; operator: unknown; value?: unknown}): string {
  return [leaf.field, leaf.operator, valueText(leaf.value)].filter((p) => p !== '').join(' ')
}

/** Values are strings (the schema); anything else a remote segment holds is shown as JSON, not `[object Object]`. */
function valueText(value: unknown): string {
  if (value === undefined) return ''
  if (isSegmentRef(value)) return `segment ${JSON.stringify(value.$segment)}`
  return typeof value === 'string' ? value : JSON.stringify(value)
}

/** Words for a change in the normalised tree. */
export function describeChange(change: {path: JsonPath; kind: 'add' | 'remove' | 'change'; before?: unknown; after?: unknown}): string | undefined {
  const {path, kind} = change
  const last = path[path.length - 1]
  const inGroup = groupLabel(path.slice(0, -2))
  if (path.length === 1 && last === 'name') {
    return kind === 'add' ? `named ${JSON.stringify(change.after)}` : `renames ${JSON.stringify(change.before)} to ${JSON.stringify(change.after)}`
  }
  if (last === 'joinOperator') {
    return kind === 'add' ? `joins conditions${inGroup} with ${String(change.after)}` : `join${inGroup} changes from ${String(change.before)} to ${String(change.after)}`
  }
  if (path[path.length - 2] === 'children') {
    const node = (kind === 'remove' ? change.before : change.after) as Record<string, unknown>
    const verb = kind === 'remove' ? 'removes' : 'adds'
    if (node && 'children' in node) return `${verb} a nested ${String(node.joinOperator)} group${inGroup} with ${Object.keys(node.children as object).length} condition(s)`
    return `${verb} filter \`${leafText(node as unknown as Leaf)}\`${inGroup}`
  }
  return undefined
}

function groupLabel(path: JsonPath): string {
  const groups = path.filter((p) => typeof p === 'string' && p.startsWith('group #'))
  return groups.length ? ` in ${groups.join(' > ')}` : ''
}

/** Checks the schema cannot express (Sequenzy validates them server-side). */
export function checkBody(body: SegmentBody): CheckIssue[] {
  const root = body.root as Group | undefined
  if (!root) return []
  const issues: CheckIssue[] = []
  let leaves = 0
  const walk = (node: Node, path: JsonPath) => {
    if (node.kind === 'group') return node.children.forEach((c, i) => walk(c, [...path, 'children', i]))
    leaves++
    const needsValue = !EMPTY_CHECKS.has(node.operator) || node.field === 'attribute'
    if (needsValue && (node.value === undefined || node.value === '')) {
      issues.push({path: [...path, 'operator'], message: `value is required for ${node.field} filters with operator ${JSON.stringify(node.operator)}`, hint: 'Only is_empty and is_not_empty take no value.'})
    }
  }
  walk(root, ['root'])
  if (leaves === 0) issues.push({path: ['root'], message: 'root must contain at least one filter', hint: 'Sequenzy rejects segments without a filter.'})
  return issues
}
