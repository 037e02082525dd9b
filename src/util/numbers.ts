/**
 * Whole numbers the way the plan writes them for people: "12,400" (en-US grouping), "≥ 2,000" for
 * a capped count (a lower bound). Written out, not `toLocaleString('en-US')`: that loads ICU's
 * number formatting on first use (about 15 ms of a CLI run) and builds a formatter on every call.
 */
export function groupDigits(value: number): string {
  if (!Number.isSafeInteger(value)) return String(value)
  const digits = String(Math.abs(value))
  let out = ''
  for (let end = digits.length; end > 0; end -= 3) out = (end > 3 ? ',' : '') + digits.slice(Math.max(0, end - 3), end) + out
  return value < 0 ? `-${out}` : out
}

/** A count of people or things: "≥ " before a capped (lower-bound) count that is not zero. */
export function countText(value: number, capped?: boolean): string {
  return `${capped && value !== 0 ? '≥ ' : ''}${groupDigits(value)}`
}
