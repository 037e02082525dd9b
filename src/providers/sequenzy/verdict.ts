/**
 * What one Sequenzy filter says about one subscriber: true, false, or why it cannot be decided
 * offline (never guessed). Each field's check answers for the positive operators only; evaluate.ts
 * turns is_not, not_contains, is_not_empty and less_than_count into complements
 * (semantics.negativesAreComplements).
 */
import type {SequenzyProfile} from '../../generated/sequenzy-profile.js'
import {semantics} from './semantics.js'

export type Verdict = boolean | {because: string}

export type FieldCheck = (operator: string, value: string, profile: SequenzyProfile, now: Date) => Verdict

export function cannot(because: string): Verdict {
  return {because}
}

/** An operator outside the field's row of the table (a remote segment may hold one); the filter's text names it. */
export function unsupported(field: string): Verdict {
  return {because: `the operator is not in Sequenzy's table for ${field}`}
}

/** Absent, null or a blank string (semantics.blankIsEmpty). */
export function blank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
}

/** The text of a field that holds some, else undefined (absent, null or blank). */
export function filled(value: string | null | undefined): string | undefined {
  return typeof value === 'string' && !blank(value) ? value : undefined
}

/** Text as compared (semantics.caseInsensitiveText). */
export function fold(text: string): string {
  return semantics.caseInsensitiveText ? text.toLowerCase() : text
}
