/**
 * A change in the normalised body (mapping.ts) in words for reviewers. `conditions` is keyed by
 * each condition's text, so a change is "adds condition `lifetime_value gte 100`" or "removes
 * condition `$or(plan eq "pro", plan eq "team")`": the words come from the path itself.
 */
import {show} from '../../core/diff/keyed.js'
import type {JsonPath} from '../../core/model.js'

type Change = {path: JsonPath; kind: 'add' | 'remove' | 'change'; before?: unknown; after?: unknown}

export function describeChange(change: Change): string | undefined {
  const {path, kind} = change
  const [top, key] = path
  if (path.length === 1 && top === 'name') {
    return kind === 'add' ? `named ${JSON.stringify(change.after)}` : `renames ${JSON.stringify(change.before)} to ${JSON.stringify(change.after)}`
  }
  if (path.length === 1 && top === 'description') {
    if (kind === 'add') return `sets the description to ${show(change.after)}`
    if (kind === 'remove') return `removes the description (was ${show(change.before)})`
    return `changes the description from ${show(change.before)} to ${show(change.after)}`
  }
  if (path.length === 2 && top === 'conditions' && kind !== 'change') {
    return `${kind === 'add' ? 'adds' : 'removes'} condition \`${String(key)}\``
  }
  return undefined
}
