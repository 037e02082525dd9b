/**
 * A change's audience in words, for every renderer: "audience 12,400 → 3,100 people (−75%)", or
 * "audience 12,400 people now (after: not exposed by Sequenzy)". A capped count is a lower bound
 * ("≥ 2,000"). Empty when nothing is known and nothing needs saying (a create the vendor cannot count).
 */
import type {Change} from '../generated/plan.js'
import {countText} from '../util/numbers.js'

export function audienceText(change: Change, vendor: string): string {
  const {current, proposed, capped, source} = change.audience
  const n = (value: number) => countText(value, capped)
  const people = (value: number) => `${n(value)} ${value === 1 ? 'person' : 'people'}`
  if (current !== null && proposed !== null) return `audience ${n(current)} → ${people(proposed)}${swing(current, proposed, capped)}`
  if (current !== null) return `audience ${people(current)} now (after: not exposed by ${vendor})`
  if (proposed !== null) return change.action === 'create' ? `audience ${people(proposed)} (${source})` : `audience unknown now → ${people(proposed)}`
  return change.action === 'create' ? '' : `audience: ${source.startsWith('not read') || source.startsWith('not exposed') ? source : `unknown (${source})`}`
}

/**
 * " (−75%)", " (+20%)", " (no change)"; "" from zero. A capped count is a lower bound: two equal
 * bounds say nothing about the change, and a swing against one is at least what it shows.
 */
export function swing(current: number, proposed: number, capped?: boolean): string {
  if (current === proposed) return capped ? '' : ' (no change)'
  if (current === 0) return ''
  const percent = Math.round(((proposed - current) / current) * 100)
  return ` (${percent < 0 ? `−${-percent}` : `+${percent}`}%${capped ? ' or more' : ''})`
}
