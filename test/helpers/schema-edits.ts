import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {packageRoot} from '../../src/util/package-root.js'

/**
 * Small edits of a JSON value, for holding a fast validator to ajv's answers (precompiled and lean
 * validators): at each object, each key dropped, each string value changed (to a near miss and to
 * another tag of the same schema), an unknown key added, each value and each array item replaced by each of
 * `others`; each array emptied. They reach every branch of a oneOf the validators dispatch by tag.
 */
export function edits(value: unknown, strings: string[], others: unknown[] = []): unknown[] {
  if (Array.isArray(value)) {
    return [[], ...value.flatMap((item, i) => [...edits(item, strings, others), ...others].map((e) => value.map((v, j) => (j === i ? e : v))))]
  }
  if (value === null || typeof value !== 'object') return []
  const entries = Object.entries(value)
  const out: unknown[] = [{...value, extra: 1}]
  for (const [key, v] of entries) {
    out.push(Object.fromEntries(entries.filter(([k]) => k !== key)))
    const replacements = typeof v === 'string' ? [`${v}x`, 5, ...strings.filter((s) => s !== v)] : [null, 'x', ...edits(v, strings, others)]
    for (const r of [...replacements, ...others]) out.push({...value, [key]: r})
  }
  return out
}

/** The repository's example definitions of `vendor` (segments/<vendor>/*.json): valid values to edit. Segment tests (*.segtest.json) sit beside them but are not definitions. */
export function exampleDefinitions(vendor: string): Array<Record<string, unknown>> {
  const dir = join(packageRoot, 'segments', vendor)
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.segtest.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown>)
}
