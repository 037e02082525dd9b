/**
 * The Sequenzy emulator's `GET /api/v1/segments/{id}/count` answers from segsync's evaluator over
 * the seeded subscribers (not from a constant): through segment references, on the seed's clock,
 * following rule changes, and leaving out what it cannot decide.
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {packageRoot} from '../../src/util/package-root.js'
import {sequenzyEmulator, TEST_KEY} from '../helpers/emulators.js'

async function count(url: string, id: string): Promise<unknown> {
  const res = await fetch(`${url}/api/v1/segments/${id}/count`, {headers: {authorization: `Bearer ${TEST_KEY}`}})
  return res.json()
}

const filter = (field: string, operator: string, value?: string) => ({kind: 'filter', field, operator, ...(value !== undefined ? {value} : {})})
const root = (...children: unknown[]) => ({kind: 'group', joinOperator: 'and', children})

const subscribers = [
  {id: 'a', status: 'active', tags: ['vip'], events: [{name: 'saas.purchase', at: '2026-11-25T00:00:00Z'}]},
  {id: 'b', status: 'active', tags: ['vip']},
  {id: 'c', status: 'unsubscribed', tags: ['vip']},
  {id: 'd', status: 'active', events: [{name: 'saas.purchase', at: '2026-10-01T00:00:00Z'}]},
]
const segments = [
  {id: 'seg_active', name: 'Active', root: root(filter('status', 'is', 'active'))},
  {id: 'seg_vip', name: 'Active VIP', root: root(filter('segment', 'is', 'seg_active'), filter('tag', 'contains', 'vip'))},
  {id: 'seg_recent', name: 'Recent buyers', root: root(filter('event', 'is', 'saas.purchase:30d'))},
  {id: 'seg_paying', name: 'Paying', root: root(filter('stripeCurrentProduct', 'is', 'prod_pro'))},
]

describe('Sequenzy emulator: /count', () => {
  it('counts the seeded subscribers the evaluator finds in the segment, through references', async () => {
    const e = await sequenzyEmulator({segments, subscribers, now: '2026-11-30T12:00:00Z'})
    expect(await count(e.url, 'seg_active')).toEqual({count: 3, segmentId: 'seg_active'})
    expect(await count(e.url, 'seg_vip')).toEqual({count: 2, segmentId: 'seg_vip'})
    expect(await count(e.url, 'seg_recent')).toEqual({count: 1, segmentId: 'seg_recent'})
    // Stripe data is not on a subscriber here: undecided, so never counted.
    expect(await count(e.url, 'seg_paying')).toEqual({count: 0, segmentId: 'seg_paying'})
  })

  it('reads relative filters on the seed\'s clock, and follows a PATCH of the rules', async () => {
    const later = await sequenzyEmulator({segments, subscribers, now: '2027-03-01T00:00:00Z'})
    expect(await count(later.url, 'seg_recent')).toEqual({count: 0, segmentId: 'seg_recent'})
    const patched = await fetch(`${later.url}/api/v1/segments/seg_active`, {method: 'PATCH', headers: {authorization: `Bearer ${TEST_KEY}`, 'content-type': 'application/json'}, body: JSON.stringify({root: root(filter('status', 'is_not', 'active'))})})
    expect(patched.status).toBe(200)
    expect(await count(later.url, 'seg_active')).toEqual({count: 1, segmentId: 'seg_active'})
    expect(await count(later.url, 'seg_vip')).toEqual({count: 1, segmentId: 'seg_vip'})
  })

  it('gives the demo seed\'s segments real, different counts', async () => {
    const seed: unknown = JSON.parse(readFileSync(join(packageRoot, 'segments', 'emulator-seeds', 'sequenzy.json'), 'utf8'))
    const e = await sequenzyEmulator(seed as Record<string, unknown>)
    const counts = await Promise.all(['seg_active_non_buyers', 'seg_winback', 'seg_legacy_newsletter'].map(async (id) => ((await count(e.url, id)) as {count: number}).count))
    expect(counts).toEqual([4, 3, 2])
  })
})
