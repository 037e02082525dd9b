import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
// @ts-expect-error: plain .mjs script without types
import {generate, schemaTargets} from '../../scripts/gen-types.mjs'
import {packageRoot} from '../../src/util/package-root.js'

describe('generated types', () => {
  const targets = schemaTargets(packageRoot) as Array<{schema: string; target: string}>
  it.each(targets.map((t) => [t.target, t] as const))('%s matches its schema (run `npm run gen:types` after editing a schema)', async (_, t) => {
    const expected = await generate(packageRoot, t.schema)
    expect(readFileSync(join(packageRoot, t.target), 'utf8')).toBe(expected)
  })
})
