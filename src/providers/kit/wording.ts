/**
 * Words for body fields several vendors share, so "sets the description to …" reads the same
 * everywhere. segsync's own field, the name, is worded by core (core/diff/field-diff.ts).
 */
import {show} from '../../core/diff/keyed.js'
import type {FieldEdit} from '../../core/provider.js'

/** A free-text top-level field (`description`): set, removed, or changed. */
export function textFieldWords(edit: FieldEdit, field: string): string | undefined {
  if (edit.path.length !== 1 || edit.path[0] !== field) return undefined
  if (edit.kind === 'add') return `sets the ${field} to ${show(edit.after)}`
  if (edit.kind === 'remove') return `removes the ${field} (was ${show(edit.before)})`
  return `changes the ${field} from ${show(edit.before)} to ${show(edit.after)}`
}
