/**
 * Field-level differences between two normalised bodies (deep-diff), as plan data: a path, a kind
 * and the change in words.
 */
import deepDiff from 'deep-diff'
import type {FieldChange} from '../../generated/plan.js'
import {sameJson} from '../../util/hash.js'
import type {JsonPath} from '../model.js'
import type {FieldEdit} from '../provider.js'
import {show} from './keyed.js'

export type Describe = (change: FieldEdit) => string | undefined

/** The top-level fields whose values differ between two normalised bodies, sorted. Compared in place, as JSON: no text is built. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)])
  return [...keys].filter((k) => !sameJson(before[k], after[k])).sort()
}

export function diffFields(before: unknown, after: unknown, describe?: Describe): FieldChange[] {
  const raw = deepDiff.diff(before as object, after as object) ?? []
  const changes: FieldEdit[] = []
  for (const d of raw) {
    // deep-diff types paths as any[]; they hold property names and array indexes.
    const path: JsonPath = [...((d.path as JsonPath | undefined) ?? [])]
    if (d.kind === 'A') {
      const item = d.item
      path.push(d.index)
      if (item.kind === 'N') changes.push({path, kind: 'add', after: item.rhs})
      else if (item.kind === 'D') changes.push({path, kind: 'remove', before: item.lhs})
      else if (item.kind === 'E') changes.push({path, kind: 'change', before: item.lhs, after: item.rhs})
    } else if (d.kind === 'N') changes.push({path, kind: 'add', after: d.rhs})
    else if (d.kind === 'D') changes.push({path, kind: 'remove', before: d.lhs})
    else if (d.kind === 'E') changes.push({path, kind: 'change', before: d.lhs, after: d.rhs})
  }
  return changes
    .map((c) => ({
      path: formatPath(c.path),
      kind: c.kind,
      ...(c.before !== undefined ? {before: c.before} : {}),
      ...(c.after !== undefined ? {after: c.after} : {}),
      text: commonText(c) ?? describe?.(c) ?? genericText(c),
    }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

/** root.children[event is "x"].value — identifiers dotted, keys and indexes in brackets. */
export function formatPath(path: JsonPath): string {
  let out = ''
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`
    else if (/^[A-Za-z_$][\w$]*$/.test(p)) out += out ? `.${p}` : p
    else out += `[${p}]`
  }
  return out
}

/** segsync's own fields read the same for every vendor: the name is the only one a body carries. */
function commonText(c: FieldEdit): string | undefined {
  if (c.path.length !== 1 || c.path[0] !== 'name') return undefined
  return c.kind === 'add' ? `named ${JSON.stringify(c.after)}` : `renames ${JSON.stringify(c.before)} to ${JSON.stringify(c.after)}`
}

function genericText(c: FieldEdit): string {
  const where = formatPath(c.path)
  if (c.kind === 'add') return `sets ${where} to ${show(c.after)}`
  if (c.kind === 'remove') return `removes ${where} (was ${show(c.before)})`
  return `changes ${where} from ${show(c.before)} to ${show(c.after)}`
}

/**
 * A created segment as a list of additions, in the provider's words where it has them
 * ("adds filter `tag contains vip`"), walking into objects it has no words for.
 */
export function expandFields(after: Record<string, unknown>, describe?: Describe): FieldChange[] {
  const out: FieldChange[] = []
  const walk = (value: unknown, path: JsonPath) => {
    const edit: FieldEdit = {path, kind: 'add', after: value}
    const text = path.length > 0 ? (commonText(edit) ?? describe?.(edit)) : undefined
    if (text) return void out.push({path: formatPath(path), kind: 'add', after: value, text})
    if (value && typeof value === 'object' && !Array.isArray(value) && !('$segment' in value)) {
      for (const [k, v] of Object.entries(value)) walk(v, [...path, k])
      return
    }
    if (value !== undefined) out.push({path: formatPath(path), kind: 'add', after: value, text: genericText({path, kind: 'add', after: value})})
  }
  walk(after, [])
  return out
}
