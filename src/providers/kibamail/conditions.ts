/**
 * Kibamail's condition language (vendors.md §2.5): what kind a node is, and a one-line text for it
 * that reads the same whatever the order of `$and`/`$or` children, topic ids or `in` values. The
 * text is both the key a node gets when its parent's children are keyed (core/diff/keyed.ts) and
 * the words a reviewer sees in the plan.
 */
import {show} from '../../core/diff/keyed.js'
import {stableStringify} from '../../util/hash.js'

export const LOGICAL_KEYS = ['$and', '$or', '$not'] as const
export const TOPIC_KEYS = ['subscribedToTopic', 'notSubscribedToTopic'] as const
/** Operators whose value is a set: its order carries no meaning. */
export const SET_OPERATORS = ['in', 'nin']

export type NodeKind = 'field' | 'topic' | 'logical' | 'other'

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Which of the three condition kinds a node is; 'other' for anything else (e.g. raw MongoDB syntax). */
export function kindOf(node: unknown): NodeKind {
  if (!isObject(node)) return 'other'
  const keys = Object.keys(node)
  if (keys.length === 0) return 'other'
  if (typeof node.field === 'string' && typeof node.operator === 'string' && keys.every((k) => k === 'field' || k === 'operator' || k === 'value')) return 'field'
  if (keys.every((k) => (TOPIC_KEYS as readonly string[]).includes(k))) return 'topic'
  if (keys.every((k) => (LOGICAL_KEYS as readonly string[]).includes(k))) return 'logical'
  return 'other'
}

/** `in`/`nin` values sorted, so ["CA","US"] and ["US","CA"] compare equal. */
export function setValue(operator: unknown, value: unknown): unknown {
  if (!SET_OPERATORS.includes(String(operator)) || !Array.isArray(value)) return value
  return [...(value as unknown[])].sort((a, b) => compare(stableStringify(a), stableStringify(b)))
}

/** `country eq "US"`, `subscribedToTopic [topic_a]`, `$or(plan eq "pro", plan eq "team")`. */
export function conditionText(node: unknown): string {
  const kind = kindOf(node)
  if (kind === 'field') {
    const f = node as {field: string; operator: string; value?: unknown}
    return [f.field, f.operator, show(setValue(f.operator, f.value))].filter((p) => p !== '').join(' ')
  }
  if (kind === 'topic') {
    const t = node as Record<string, unknown>
    return TOPIC_KEYS.filter((k) => t[k] !== undefined)
      .map((k) => `${k} [${(Array.isArray(t[k]) ? [...(t[k] as unknown[])] : [t[k]]).map(String).sort(compare).join(', ')}]`)
      .join(' ')
  }
  if (kind === 'logical') {
    const l = node as Record<string, unknown>
    return LOGICAL_KEYS.filter((k) => l[k] !== undefined)
      .map((k) => (k === '$not' ? `$not(${conditionText(l[k])})` : `${k}(${childTexts(l[k]).join(', ')})`))
      .join(' ')
  }
  return stableStringify(node)
}

function childTexts(children: unknown): string[] {
  return (Array.isArray(children) ? children : [children]).map(conditionText).sort(compare)
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Every topic id a condition tree references, at any depth (under `$not` too). */
export function topicIds(node: unknown): string[] {
  const ids = new Set<string>()
  const visit = (n: unknown) => {
    if (Array.isArray(n)) return n.forEach(visit)
    if (!isObject(n)) return
    for (const k of TOPIC_KEYS) if (Array.isArray(n[k])) for (const id of n[k] as unknown[]) if (typeof id === 'string') ids.add(id)
    for (const k of LOGICAL_KEYS) visit(n[k])
  }
  visit(node)
  return [...ids].sort(compare)
}
