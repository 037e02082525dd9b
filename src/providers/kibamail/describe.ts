/**
 * A change in the normalised body (mapping.ts) in words for reviewers. `conditions` is keyed by
 * each condition's text, so a change is "adds condition `lifetime_value gte 100`" or "removes
 * condition `$or(plan eq "pro", plan eq "team")`": the words come from the path itself.
 */
import type {FieldEdit} from '../../core/provider.js'
import {textFieldWords} from '../kit/wording.js'

export function describeChange(change: FieldEdit): string | undefined {
  const {path, kind} = change
  const [top, key] = path
  if (top === 'description') return textFieldWords(change, 'description')
  if (path.length === 2 && top === 'conditions' && kind !== 'change') {
    return `${kind === 'add' ? 'adds' : 'removes'} condition \`${String(key)}\``
  }
  return undefined
}
