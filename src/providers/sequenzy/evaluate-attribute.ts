/**
 * `attribute` filters (vendors.md §3.5): the value is `name:value` (`name:` for the empty checks)
 * and reads the profile's `attributes`. Seed 002: "equality, empty checks, numeric/date
 * comparisons, and contains checks". How the two sides compare is semantics.attributeOrder.
 */
import {parseAttribute} from './encodings.js'
import {blank, cannot, fold, unsupported, type FieldCheck, type Verdict} from './verdict.js'

type Scalar = string | number | boolean | null | undefined

const ORDERED: Record<string, (sign: number) => boolean> = {
  gt: (s) => s > 0,
  gte: (s) => s >= 0,
  lt: (s) => s < 0,
  lte: (s) => s <= 0,
}

export const attribute: FieldCheck = (op, value, p) => {
  const wanted = parseAttribute(value)
  if (!wanted) return cannot('the value is not "name:value"')
  // Sequenzy/mcp: filters on one array path (`history_events[].venue`) must hold for one element together.
  if (wanted.name.includes('[]')) return cannot(`${wanted.name} is an array path, matched element by element; a profile's attributes are flat`)
  const actual = p.attributes?.[wanted.name]
  switch (op) {
    case 'is_empty':
      return blank(actual)
    case 'is': {
      if (blank(actual)) return false
      const sign = compare(actual, wanted.value)
      return sign !== undefined ? sign === 0 : fold(String(actual)) === fold(wanted.value)
    }
    case 'contains':
      return !blank(actual) && fold(String(actual)).includes(fold(wanted.value))
    default: {
      const holds = ORDERED[op]
      return holds ? ordered(actual, wanted.value, holds) : unsupported('attribute')
    }
  }
}

function ordered(actual: Scalar, expected: string, holds: (sign: number) => boolean): Verdict {
  if (asNumber(expected) === undefined && asDate(expected) === undefined) return cannot(`${JSON.stringify(expected)} is neither a number nor an ISO 8601 date`)
  const sign = compare(actual, expected)
  return sign !== undefined && holds(sign)
}

/** Numbers when both sides read as numbers, else dates when both are ISO 8601 dates; undefined when neither. */
function compare(actual: Scalar, expected: string): number | undefined {
  const [a, e] = [asNumber(actual), asNumber(expected)]
  if (a !== undefined && e !== undefined) return Math.sign(a - e)
  const [ad, ed] = [asDate(actual), asDate(expected)]
  return ad !== undefined && ed !== undefined ? Math.sign(ad - ed) : undefined
}

function asNumber(v: Scalar): number | undefined {
  if (typeof v === 'number') return v
  return typeof v === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : undefined
}

function asDate(v: Scalar): number | undefined {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(v)) return undefined
  const t = Date.parse(v)
  return Number.isNaN(t) ? undefined : t
}
