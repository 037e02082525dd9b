/**
 * The emulator's answers judged against what MailGlyph publishes: the response schemas of its
 * OpenAPI for the segment and campaign routes (test/fixtures/mailglyph-openapi.schema.json, a
 * translation of Mailrify/mailrify-node docs/openapi.json), served from the demo seed that
 * `npm run demo` and the README use. They must also keep to segsync's own contract.
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {Ajv2020} from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import {describe, expect, it} from 'vitest'
import {answers} from '../../src/providers/mailglyph/answers.js'
import {packageRoot} from '../../src/util/package-root.js'
import {call, condition, filter, mailglyphEmulator} from '../helpers/mailglyph.js'

const openapi = JSON.parse(readFileSync(join(packageRoot, 'test', 'fixtures', 'mailglyph-openapi.schema.json'), 'utf8')) as {$id: string}
const demoSeed = JSON.parse(readFileSync(join(packageRoot, 'segments', 'emulator-seeds', 'mailglyph.json'), 'utf8')) as Record<string, unknown>
const ajv = new Ajv2020({allErrors: true, strict: true, strictTypes: false, allowUnionTypes: true})
addFormats.default(ajv)
ajv.addSchema(openapi)

/** Problems of `body` against the OpenAPI response of `operation` ("listSegments"…), as short lines. */
function openapiProblems(operation: string, body: unknown): string[] {
  const validate = ajv.getSchema(`${openapi.$id}#/$defs/${operation}`)!
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`)
}

/** Every answer segsync reads, from an emulator serving `seed`: [operation, contract $def or undefined, body]. */
async function answersOf(seed: Record<string, unknown>, assumptions = {}) {
  const e = await mailglyphEmulator(seed, {assumptions})
  const out: Array<[string, string | undefined, unknown]> = []
  const list = await call(e.url, 'GET', '/segments')
  out.push(['listSegments', 'SegmentList', list.body])
  for (const s of list.body as Array<{id: string}>) out.push(['getSegment', 'Segment', (await call(e.url, 'GET', `/segments/${s.id}`)).body])
  const created = await call(e.url, 'POST', '/segments', {name: 'Judged', description: 'made by the test', condition: condition('AND', [filter('data.plan', 'equals', 'pro')]), trackMembership: true})
  expect(created.status).toBe(201)
  out.push(['createSegment', 'Segment', created.body])
  const patched = await call(e.url, 'PATCH', `/segments/${(created.body as {id: string}).id}`, {condition: condition('OR', [filter('email.clicked', 'triggeredWithin', 7, 'days')], [filter('subscribed', 'equals', true)])})
  out.push(['updateSegment', 'Segment', patched.body])
  for (const status of ['', 'DRAFT', 'SCHEDULED', 'SENDING', 'SENT']) {
    const page = await call(e.url, 'GET', `/campaigns?pageSize=100${status ? `&status=${status}` : ''}`)
    out.push(['listCampaigns', 'CampaignPage', page.body])
    for (const c of (page.body as {data: Array<{id: string}>}).data) out.push(['getCampaign', undefined, (await call(e.url, 'GET', `/campaigns/${c.id}`)).body])
  }
  return out
}

describe('MailGlyph emulator answers, judged against the published OpenAPI', () => {
  it('answers every segment and campaign route of the demo seed as the OpenAPI describes, and inside segsync\'s contract', async () => {
    const all = await answersOf(demoSeed)
    expect(new Set(all.map(([operation]) => operation))).toEqual(new Set(['listSegments', 'getSegment', 'createSegment', 'updateSegment', 'listCampaigns', 'getCampaign']))
    for (const [operation, def, body] of all) {
      expect(openapiProblems(operation, body), operation).toEqual([])
      if (def) expect(answers.breach(def, {body}, operation), operation).toBeUndefined()
    }
  })

  it('would fail a seed built on upstream Plunk\'s memberOfSegment: the OpenAPI enum has no such operator', async () => {
    const seed = {segments: [{id: 'seg_a', name: 'A', condition: condition('AND', [filter('data.plan', 'equals', 'pro')])}, {id: 'seg_b', name: 'B', condition: condition('AND', [filter('seg_a', 'memberOfSegment')])}]}
    const list = (await answersOf(seed)).find(([operation]) => operation === 'listSegments')!
    expect(openapiProblems('listSegments', list[2])).toContainEqual(expect.stringMatching(/\/condition\/groups\/0\/filters\/0\/operator must be equal to one of the allowed values/))
    // segsync still reads it (vendors.md §1.6): its contract takes any operator.
    expect(answers.breach('SegmentList', {body: list[2]}, 'GET /segments')).toBeUndefined()
  })

  it("would fail `audienceCondition: null` (Plunk's column), which the OpenAPI does not allow: the emulator leaves it out by default", async () => {
    const seed = {campaigns: [{id: 'c1', name: 'All', status: 'SCHEDULED', audienceType: 'ALL'}]}
    const asPlunk = (await answersOf(seed, {unsetAudienceCondition: 'null'})).find(([operation]) => operation === 'listCampaigns')!
    expect(openapiProblems('listCampaigns', asPlunk[2])).toContainEqual('/data/0/audienceCondition must be object')
    expect(answers.breach('CampaignPage', {body: asPlunk[2]}, 'GET /campaigns')).toBeUndefined()
  })
})
