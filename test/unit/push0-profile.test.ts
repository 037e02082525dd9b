/**
 * Push0 test profiles are devices (schemas/push0/profile.schema.json): every documented device
 * field at top level, typed as seed 003 types it (Long: epoch milliseconds), accepted exactly as
 * written; anything else is an invalid test file at its position, and a TS test is typed by it.
 */
import {describe, expect, it} from 'vitest'
import {loadDefinitions} from '../../src/core/load/load-definitions.js'
import {validateDefinitions} from '../../src/core/validate/validate-definitions.js'
import {validateTests} from '../../src/core/segtest/validate-tests.js'
import {push0} from '../../src/providers/push0/index.js'
import {schemaPath} from '../../src/util/package-root.js'
import {tempRepo} from '../helpers/temp-repo.js'
import {typeErrors} from '../helpers/type-check.js'

const segment = {name: 'All', constraints: []}
const device = {
  id: 'pixel',
  country: 'PL',
  language: 'pol',
  timezone: 'Europe/Warsaw',
  appVersion: '1.3.54',
  appVersionCode: 5,
  osApi: '35',
  osVersion: '1.0.1',
  customUserId: 'user-42',
  email: 'ann@example.com',
  type: 'phone',
  firstSession: 1771924492768,
  lastSession: 1771924492782,
  sessionCount: 12,
  createdAt: 1767225600000,
  pushToken: 'fcm:abc',
  unRegisteredAt: 1772000000000,
  deviceModel: 'Pixel 10',
  deviceManufacturer: 'Google',
  tags: ['vip', 'beta'],
}

async function check(profiles: unknown[]) {
  const repo = tempRepo({'segments/all.json': segment, 'segments/all.segtest.json': {profiles, expect: [{segment: 'All', members: ['pixel']}]}})
  const loaded = await loadDefinitions(`${repo.dir}/segments`, {cwd: repo.dir, tests: true})
  const {definitions} = validateDefinitions(loaded.files, push0, schemaPath(push0.schema))
  const {tests, problems} = validateTests(loaded.tests, push0, definitions, schemaPath(push0.evaluation.testSchema))
  return {tests, problems: problems.map((p) => `${p.path} ${p.message}`)}
}

describe('Push0 test profiles', () => {
  it('accept a device with every documented field, exactly as written', async () => {
    const {tests, problems} = await check([device])
    expect(problems).toEqual([])
    expect(tests[0]!.profiles).toEqual([device])
  })

  it('refuse a field Push0 does not document, a wrong type, a Long as a date string, or a missing id', async () => {
    const {problems} = await check([
      {...device, city: 'Warsaw'},
      {id: 'b', sessionCount: '12', osApi: 35},
      {id: 'c', lastSession: '2026-01-01T00:00:00Z', tags: 'vip'},
      {country: 'PL'},
    ])
    expect(problems).toEqual([
      '/profiles/0/city unknown property "city"',
      '/profiles/1/osApi osApi must be a string',
      '/profiles/1/sessionCount sessionCount must be an integer',
      '/profiles/2/lastSession lastSession must be an integer',
      '/profiles/2/tags tags must be an array',
      '/profiles/3 missing required property "id"',
    ])
  })

  it('refuse values outside the documented formats of country, language and type', async () => {
    const {problems} = await check([{id: 'pixel', country: 'pl', language: 'en', type: 'watch'}])
    expect(problems).toHaveLength(3)
    expect(problems.join('\n')).toMatch(/\/profiles\/0\/country .*\^\[A-Z\]\{2\}\$/)
    expect(problems.join('\n')).toMatch(/\/profiles\/0\/language .*\^\[a-z\]\{3\}\$/)
    expect(problems.join('\n')).toMatch(/\/profiles\/0\/type .*phone/)
  })

  it('type a TS test file: a string for a Long field is a type error', () => {
    const source = (lastSession: string) => `import {defineSegmentTest} from 'segsync/push0'
export default defineSegmentTest({
  profiles: [{id: 'a', lastSession: ${lastSession}, tags: ['vip']}],
  expect: [{segment: 'All', members: ['a']}],
})\n`
    expect(typeErrors(source('1767225600000'))).toEqual([])
    expect(typeErrors(source("'2026-01-01'")).join('\n')).toMatch(/^3: .*string.*not assignable to type 'number'/m)
  })
})
