/**
 * The smallest change from one value to another, as a tree that mirrors the old value: what to
 * keep, what to replace, which object keys and array items to add or drop. The file rewriters
 * (json-file.ts, ts-file.ts) turn it into text edits at the positions their parser gives, so
 * everything the patch keeps keeps its text: formatting, comments, `segment('…')` calls.
 */
import {stableStringify} from '../util/hash.js'

export type Patch =
  | {op: 'keep'}
  /** Replace the node with a rendering of `value`. */
  | {op: 'set'; value: unknown}
  /** The object's keys in their new order: kept ones (patched in place) and added ones; dropped keys are absent. */
  | {op: 'object'; props: PropPatch[]}
  /** The array's items in their new order: kept ones (by old index, patched in place) and added ones. */
  | {op: 'array'; items: ItemPatch[]}

export type PropPatch = {key: string; old: true; patch: Patch} | {key: string; old: false; value: unknown}
export type ItemPatch = {index: number; patch: Patch} | {value: unknown}

export const KEEP: Patch = {op: 'keep'}

export function sameValue(a: unknown, b: unknown): boolean {
  return stableStringify(a) === stableStringify(b)
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** The patch turning `before` into `after`. */
export function diffValue(before: unknown, after: unknown): Patch {
  if (sameValue(before, after)) return KEEP
  if (isPlainObject(before) && isPlainObject(after)) {
    const changes = new Map<string, {before: unknown; after: unknown}>()
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (!sameValue(before[key], after[key])) changes.set(key, {before: before[key], after: after[key]})
    }
    return objectPatch(Object.keys(before).filter((k) => before[k] !== undefined), changes, Object.keys(after))
  }
  if (Array.isArray(before) && Array.isArray(after)) return arrayPatch(before, after)
  return {op: 'set', value: after}
}

/**
 * An object patch from the keys the object has now (in their order), the keys that change
 * (after: undefined drops the key) and the order the new value lists its keys in: an added key
 * goes right after the nearest key that precedes it in that order (or before the nearest one that
 * follows it), so `description` lands after `name`, not at the end of the file.
 */
export function objectPatch(existing: string[], changes: ReadonlyMap<string, {before: unknown; after: unknown}>, order: string[]): Patch {
  const props: PropPatch[] = []
  for (const key of existing) {
    const change = changes.get(key)
    if (!change) props.push({key, old: true, patch: KEEP})
    else if (change.after !== undefined) props.push({key, old: true, patch: diffValue(change.before, change.after)})
  }
  const rank = (key: string) => order.indexOf(key)
  for (const [key, change] of changes) {
    if (existing.includes(key) || change.after === undefined) continue
    const added: PropPatch = {key, old: false, value: change.after}
    const r = rank(key)
    const preceding = props.findLastIndex((p) => rank(p.key) >= 0 && rank(p.key) < r)
    const following = props.findIndex((p) => rank(p.key) > r)
    if (r >= 0 && preceding >= 0) props.splice(preceding + 1, 0, added)
    else if (r >= 0 && following >= 0) props.splice(following, 0, added)
    else props.push(added)
  }
  const unchanged = props.length === existing.length && props.every((p, i) => p.old && p.key === existing[i] && p.patch.op === 'keep')
  return unchanged ? KEEP : {op: 'object', props}
}

/**
 * Items equal on both sides are kept (longest common subsequence); between two kept items, old
 * and new items pair up in order as edits of each other (a changed filter stays where it was and
 * keeps its formatting), and the rest are added or dropped.
 */
function arrayPatch(before: unknown[], after: unknown[]): Patch {
  const a = before.map(stableStringify)
  const b = after.map(stableStringify)
  const lcs: number[][] = Array.from({length: a.length + 1}, () => new Array<number>(b.length + 1).fill(0))
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!)
  }
  const items: ItemPatch[] = []
  let i = 0
  let j = 0
  const gap = (oldEnd: number, newEnd: number) => {
    for (; i < oldEnd && j < newEnd; i++, j++) items.push({index: i, patch: diffValue(before[i], after[j])})
    for (; j < newEnd; j++) items.push({value: after[j]})
    i = oldEnd
  }
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      items.push({index: i, patch: KEEP})
      i++
      j++
      continue
    }
    // Find the next kept pair; everything before it on both sides is the gap.
    let oi = i
    let nj = j
    while (oi < a.length && nj < b.length && a[oi] !== b[nj]) {
      if (lcs[oi + 1]![nj]! >= lcs[oi]![nj + 1]!) oi++
      else nj++
    }
    // No kept pair left: the rest of both sides is one gap.
    if (oi === a.length || nj === b.length) break
    gap(oi, nj)
  }
  gap(a.length, b.length)
  return {op: 'array', items}
}
