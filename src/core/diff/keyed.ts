/**
 * Turn a condition array into an object keyed by content, so a diff reads "removed filter X"
 * instead of a cascade of positional edits (research/ecosystem.md §5). Keys are sorted; a repeated
 * key gets " #2", " #3".
 */
export function keyed<T>(items: T[], keyOf: (item: T, index: number) => string): Record<string, T> {
  const entries: Array<[string, T]> = []
  const seen = new Map<string, number>()
  items.forEach((item, i) => {
    const base = keyOf(item, i)
    const n = (seen.get(base) ?? 0) + 1
    seen.set(base, n)
    entries.push([n === 1 ? base : `${base} #${n}`, item])
  })
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return Object.fromEntries(entries)
}

/** A compact, readable rendering of a leaf value for keys and messages. */
export function show(value: unknown): string {
  if (value === undefined) return ''
  if (typeof value === 'string') return JSON.stringify(value)
  if (value && typeof value === 'object' && '$segment' in value) return `segment(${JSON.stringify((value as {$segment: string}).$segment)})`
  return JSON.stringify(value)
}

/** Drop undefined values and sort keys, recursively: the canonical shape of normalised bodies. */
export function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    )
  }
  return value
}
