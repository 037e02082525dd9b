/**
 * The values Sequenzy packs into a filter's string (vendors.md §3.5; Sequenzy/mcp
 * segment-validation.ts): time ranges `7d`/`all`, engagement `campaign:<id>` and `count:range`,
 * events `name:30d` / `name:N:30d`, attributes `name:value`. A value that is not in one of these
 * forms parses to undefined, and the evaluator says it cannot read it instead of guessing.
 */

/** `all`, or the last `days` days. */
export type Range = {all: true} | {all: false; days: number}

const DAY_MS = 24 * 60 * 60 * 1000

/** "isSegmentTimeRange": `all` or `<n>d` with n > 0. */
export function parseRange(text: string | undefined): Range | undefined {
  if (text === 'all') return {all: true}
  const days = /^(\d+)d$/.exec(text ?? '')?.[1]
  return days !== undefined && Number(days) > 0 ? {all: false, days: Number(days)} : undefined
}

/** Whether `at` (ISO 8601) falls in `range` before `now` (semantics.windowIncludesBothEnds). */
export function inRange(at: string, range: Range, now: Date): boolean {
  const t = Date.parse(at)
  if (Number.isNaN(t) || t > now.getTime()) return false
  return range.all || t >= now.getTime() - range.days * DAY_MS
}

export function rangeText(range: Range): string {
  return range.all ? 'ever' : `in the last ${range.days} days`
}

/** Engagement values: a time range, `campaign:<id>`, or `count:range` ("10:30d" = 10 times in 30 days). */
export type Engagement = {kind: 'range'; range: Range} | {kind: 'campaign'; campaignId: string} | {kind: 'count'; count: number; range: Range}

export function parseEngagement(value: string): Engagement | undefined {
  const range = parseRange(value)
  if (range) return {kind: 'range', range}
  if (value.startsWith('campaign:') && value.length > 'campaign:'.length) return {kind: 'campaign', campaignId: value.slice('campaign:'.length)}
  const counted = /^(\d+):(.+)$/.exec(value)
  const countRange = parseRange(counted?.[2])
  return counted && countRange && Number(counted[1]) > 0 ? {kind: 'count', count: Number(counted[1]), range: countRange} : undefined
}

/** Event values: `name:range` for is/is_not, `name:N:range` for at_least/less_than_count (the name may hold colons). */
export interface EventValue {
  name: string
  count: number
  range: Range
}

export function parseEvent(value: string, counted: boolean): EventValue | undefined {
  const parts = value.split(':')
  const range = parseRange(parts.at(-1))
  const count = counted ? Number(parts.at(-2)) : 1
  const name = parts.slice(0, counted ? -2 : -1).join(':').trim()
  if (!range || !name || !Number.isInteger(count) || count < 1) return undefined
  return {name, count, range}
}

/** Attribute values: `name:value` (`name:` for the empty checks); the name ends at the first colon. */
export function parseAttribute(value: string): {name: string; value: string} | undefined {
  const colon = value.indexOf(':')
  if (colon <= 0) return undefined
  return {name: value.slice(0, colon).trim(), value: value.slice(colon + 1)}
}
