/** Assertions shared by the end-to-end tests of every provider. */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {Ajv2020} from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import {expect} from 'vitest'
import {packageRoot} from '../../src/util/package-root.js'
import {runCli} from './cli.js'

/** The `--json` plan is valid against schemas/plan.schema.json. */
export function expectValidPlan(plan: unknown): void {
  expectValidAgainst('plan.schema.json', plan)
}

/** A `--json` output is valid against its schema in schemas/ (plan, apply-report, doctor-report…). */
export function expectValidAgainst(schema: string, value: unknown): void {
  const ajv = new Ajv2020({strict: true})
  addFormats.default(ajv)
  const validate = ajv.compile(JSON.parse(readFileSync(join(packageRoot, 'schemas', schema), 'utf8')))
  const valid = validate(value)
  expect(validate.errors ?? []).toEqual([])
  expect(valid).toBe(true)
}

/** After an apply, a second apply writes nothing and a plan shows no changes. */
export async function expectConverged(cwd: string, env: Record<string, string>, writes: () => unknown[]): Promise<void> {
  const before = writes().length
  const again = await runCli(['apply', '--auto-approve'], {cwd, env})
  expect(again.code).toBe(0)
  expect(again.stdout).toContain('No changes. Nothing to apply.')
  expect(writes()).toHaveLength(before)
  const plan = await runCli(['plan', '--detailed-exitcode'], {cwd, env})
  expect(plan.code).toBe(0)
  expect(plan.stdout).toContain('No changes. The vendors match the definitions.')
}

