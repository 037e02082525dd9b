/**
 * Sequenzy ↔ definitions. Definitions hold `root` (the v2 filter tree; seed 002). Remote segments
 * carry both `filters` (legacy) and `root`; we read `root` and fall back to `filters` for segments
 * that only have the legacy form. Server-added group/filter ids are dropped; segment ids inside
 * `segment` filters become `{ $segment: name }`.
 */
import {keyed} from '../../core/diff/keyed.js'
import type {NameOf, SegmentBody} from '../../core/provider.js'
import {sameJson} from '../../util/hash.js'
import {EMPTY_CHECKS, leafText, type Group, type Leaf, type Node} from './conditions.js'

/** The remote segment's rules as a definition body. */
export function toDefinitionBody(raw: unknown, nameOf: NameOf): SegmentBody {
  const r = raw as {root?: Group; filters?: Leaf[]; filterJoinOperator?: 'and' | 'or'}
  const root: Group = r.root ?? {kind: 'group', joinOperator: r.filterJoinOperator ?? 'and', children: (r.filters ?? []).map((f) => ({...f, kind: 'filter'}))}
  return {root: strip(root, nameOf)}
}

function strip(node: Node, nameOf: NameOf): Node {
  if (node.kind === 'group') return {kind: 'group', joinOperator: node.joinOperator, children: node.children.map((c) => strip(c, nameOf))}
  const {id: _id, ...leaf} = node
  const value = leafValue(node as unknown as Record<string, unknown>, nameOf)
  if (value === leaf.value) return leaf
  if (value !== undefined) return {...leaf, value}
  const {value: _v, ...rest} = leaf
  return rest
}

/**
 * Whether `toDefinitionBody(raw, nameOf)` is the same JSON as `body` (util/hash.ts `sameJson`),
 * found by walking the two trees side by side instead of building the first: nearly every managed
 * segment of a plan is unchanged, and mapping each one cost 15–20 ms over 5,000 Sequenzy segments
 * in a fresh process. Sound, not complete: `false` means only "not seen here" (a legacy segment
 * with no `root`, a shape `strip` would throw on), and the full diff decides.
 * test/unit/sequenzy-reads-as.test.ts holds it to `sameJson(toDefinitionBody(raw), body)`.
 */
export function readsAs(raw: unknown, body: SegmentBody, nameOf: NameOf): boolean {
  const root = (raw as {root?: unknown} | null)?.root
  if (!isObject(root)) return false
  for (const key in body) if (key !== 'root' && Object.hasOwn(body, key) && body[key] !== undefined) return false
  return sameNode(root, body.root, nameOf)
}

/** `sameJson(strip(node), local)`, in place. */
function sameNode(node: Record<string, unknown>, local: unknown, nameOf: NameOf): boolean {
  if (!isObject(local)) return false
  let keys = 0
  if (node.kind === 'group') {
    // strip writes {kind: 'group', joinOperator, children}.
    const children = node.children
    const others = local.children
    if (!Array.isArray(children) || !Object.hasOwn(local, 'children') || !Array.isArray(others) || children.length !== others.length) return false
    if (!Object.hasOwn(local, 'kind') || local.kind !== 'group') return false
    keys = 2
    if (node.joinOperator !== undefined) {
      keys++
      if (!Object.hasOwn(local, 'joinOperator') || !sameValue(node.joinOperator, local.joinOperator)) return false
    }
    for (let i = 0; i < children.length; i++) {
      const child: unknown = children[i]
      if (!isObject(child) || !sameNode(child, others[i], nameOf)) return false
    }
  } else {
    // strip writes the leaf without its id, and its value as leafValue reads it.
    const value = leafValue(node, nameOf)
    for (const key in node) {
      if (!Object.hasOwn(node, key) || key === 'id') continue
      const wanted = key === 'value' ? value : node[key]
      if (wanted === undefined) continue
      keys++
      if (!Object.hasOwn(local, key) || !sameValue(wanted, local[key])) return false
    }
  }
  for (const key in local) if (Object.hasOwn(local, key) && local[key] !== undefined) keys--
  return keys === 0
}

/**
 * `sameJson`, with the common case first: nearly every value compared here is a string the same
 * on both sides. Comparing it before the call keeps `sameJson` out of `sameNode` as V8 optimises
 * it (it is called for a value that differs, or an object), so the optimised `sameNode` is smaller
 * and compiles sooner: a plan over ten accounts used about 10 ms less CPU in paired runs (its wall
 * time did not move measurably).
 */
function sameValue(a: unknown, b: unknown): boolean {
  return a === b || sameJson(a, b)
}

/** A leaf's `value` as a definition holds it (strip, readsAs, normalizeLeaf): a known segment id as `{ $segment }`, an empty check's empty value left out. */
function leafValue(node: Record<string, unknown>, nameOf: NameOf): unknown {
  const value = node.value
  if (node.field === 'segment' && typeof value === 'string') {
    const name = nameOf(value)
    if (name !== undefined) return {$segment: name}
  }
  if (EMPTY_CHECKS.has(node.operator as string) && node.field !== 'attribute' && (value === '' || value === undefined)) return undefined
  return value
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Ids in `segment` filters, anywhere in the tree (legacy `filters` too); nothing is copied. */
export function remoteReferences(raw: unknown): string[] {
  const r = raw as {root?: Group; filters?: Leaf[]}
  const ids: string[] = []
  if (r.root) segmentIds(r.root, ids)
  else for (const leaf of r.filters ?? []) if (leaf.field === 'segment' && typeof leaf.value === 'string') ids.push(leaf.value)
  return ids
}

/** The ids of `segment` leaves under `node`, into `ids`: a plain recursion, run over every remote segment of a plan. */
function segmentIds(node: Node, ids: string[]): void {
  if (node.kind !== 'group') {
    if (node.field === 'segment' && typeof node.value === 'string') ids.push(node.value)
    return
  }
  const children = node.children ?? []
  for (let i = 0; i < children.length; i++) segmentIds(children[i]!, ids)
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
  const value = leafValue(leaf as unknown as Record<string, unknown>, nameOf)
  return {field: leaf.field, operator: leaf.operator, ...(value !== undefined ? {value} : {})}
}
