/**
 * Time for MailGlyph's evaluator: the cutoff of a relative filter ("within 30 days": the OpenAPI
 * `unit` is days, hours or minutes), dates read from profiles and values, and the whole UTC day a
 * YYYY-MM-DD value means in `equals` (semantics.ts).
 */
import {semantics} from './semantics.js'

/** A verdict, or why it cannot be decided offline. */
export type Verdict = boolean | {because: string}

/** `now` minus `value` `unit`s, in epoch ms; or why the filter has no such instant. */
export function cutoff(now: Date, value: unknown, unit: unknown): number | {because: string} {
  const per = semantics.unitMs[unit as keyof typeof semantics.unitMs] as number | undefined
  if (per === undefined) return {because: `a time filter needs a unit (days, hours or minutes), got ${JSON.stringify(unit)}`}
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN
  if (!Number.isFinite(n)) return {because: `a time filter needs a number of ${String(unit)}, got ${JSON.stringify(value)}`}
  return now.getTime() - n * per
}

/** Whether instant `t` is at or after the cutoff (within) or strictly before it (olderThan). */
export function since(t: number, cut: number): boolean {
  return semantics.withinInclusive ? t >= cut : t > cut
}

/** Epoch ms of an ISO date string (or epoch ms number when `numbers` allows it); undefined if it is no date. */
export function instant(value: unknown, numbers = false): number | undefined {
  if (numbers && typeof value === 'number') return Number.isFinite(value) ? value : undefined
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return undefined
  const t = Date.parse(value)
  return Number.isNaN(t) ? undefined : t
}

/** A value written as a date (YYYY-MM-DD, with or without a time) stands for that whole UTC day. */
export function utcDay(value: unknown): {start: number; end: number} | undefined {
  if (!semantics.dateEqualsWholeUtcDay || instant(value) === undefined) return undefined
  const start = Date.parse(`${String(value).slice(0, 10)}T00:00:00.000Z`)
  return Number.isNaN(start) ? undefined : {start, end: start + semantics.unitMs.days}
}
