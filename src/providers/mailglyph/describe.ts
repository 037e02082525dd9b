/**
 * A change in the normalised MailGlyph body (see mapping.ts `normalizeBody`), in words for
 * reviewers: "adds filter `data.plan equals "premium"` in group #1".
 */
import type {JsonPath} from '../../core/model.js'
import type {FieldEdit} from '../../core/provider.js'
import {textFieldWords} from '../kit/wording.js'

export function describeChange(change: FieldEdit): string | undefined {
  const {path, kind} = change
  const last = path[path.length - 1]
  const value = kind === 'remove' ? change.before : change.after
  const verb = kind === 'remove' ? 'removes' : 'adds'
  if (path.length === 1) return topLevel(change)
  const where = location(path.slice(0, -1))
  if (last === 'logic') {
    const what = path.length === 2 ? 'groups' : `nested groups${where}`
    // Normalisation keeps `logic` only while there are two groups or more (mapping.ts).
    if (kind === 'remove') return `drops ${String(value)}: one group left${path.length === 2 ? '' : where}`
    return kind === 'change' ? `combines ${what} with ${String(change.after)} (was ${String(change.before)})` : `combines ${what} with ${String(value)}`
  }
  if (path[path.length - 2] === 'filters' && typeof last === 'string') return `${verb} filter \`${stripCount(last)}\`${location(path.slice(0, -2))}`
  if (path[path.length - 2] === 'groups' && typeof last === 'string') return `${verb} ${last}${location(path.slice(0, -2))}: ${groupWords(value as NormalGroup)}`
  if (last === 'conditions' && kind !== 'change') return `${verb} a nested condition${where}: ${conditionWords(value as NormalCondition)}`
  return undefined
}

function topLevel(change: FieldEdit): string | undefined {
  const {kind} = change
  switch (change.path[0]) {
    case 'description':
      return textFieldWords(change, 'description')
    case 'trackMembership':
      return kind === 'remove' || change.after === false ? 'stops tracking membership changes' : 'tracks membership changes'
    default:
      // `condition` as a whole: let the plan walk into it, filter by filter.
      return undefined
  }
}

interface NormalGroup {
  filters?: Record<string, unknown>
  conditions?: NormalCondition
}
interface NormalCondition {
  logic?: string
  groups?: Record<string, NormalGroup>
}

/** "`a`, `b`, (`c`) OR (`d`)": a group's filters and its nested condition, in one line. */
function groupWords(group: NormalGroup | undefined): string {
  const parts = Object.keys(group?.filters ?? {}).map((key) => `\`${stripCount(key)}\``)
  if (group?.conditions) parts.push(conditionWords(group.conditions))
  return parts.join(', ') || 'no filters'
}

function conditionWords(condition: NormalCondition | undefined): string {
  return Object.values(condition?.groups ?? {}).map((g) => `(${groupWords(g)})`).join(` ${String(condition?.logic)} `)
}

/** " in group #1 > nested group #2" for a path inside groups. */
function location(path: JsonPath): string {
  const groups = path.filter((p): p is string => typeof p === 'string' && p.startsWith('group #'))
  if (groups.length === 0) return ''
  return ` in ${groups.map((g, i) => (i === 0 ? g : `nested ${g}`)).join(' > ')}`
}

/** A repeated filter is keyed "… #2" (core/diff/keyed.ts); the words need the filter alone. */
function stripCount(key: string): string {
  return key.replace(/ #\d+$/, '')
}
