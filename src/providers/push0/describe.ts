/**
 * A change in the normalised Push0 body (mapping.ts) in words: groups are keyed by their text,
 * so a change reads "adds constraint group `AND(country == "PL")`".
 */
import type {FieldEdit} from '../../core/provider.js'
import {textFieldWords} from '../kit/wording.js'

/** Words for a change in the normalised body. */
export function describeChange(change: FieldEdit): string | undefined {
  const {path, kind, after} = change
  if (path[0] === 'description') return textFieldWords(change, 'description')
  if (path.length === 1 && path[0] === 'constraints' && kind === 'add' && isEmptyObject(after)) {
    return 'targets all devices (no constraints)'
  }
  if (path.length === 2 && path[0] === 'constraints' && kind !== 'change') {
    return `${kind === 'add' ? 'adds' : 'removes'} constraint group \`${String(path[1])}\``
  }
  return undefined
}

function isEmptyObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.keys(value).length === 0
}
