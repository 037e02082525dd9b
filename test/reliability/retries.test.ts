/**
 * Matrix rows C1–C9 (anchors-reliability.md §8): retries, Retry-After, backoff, budgets, hung and
 * truncated responses. C6 (HTTP 200 with error ≠ 0) is Altcraft's and lives with its tests.
 */
import {describe, expect, it} from 'vitest'
import {createHttpClient} from '../../src/http/client.js'
import {backoffDelay, defaultRetryOptions} from '../../src/http/retry-policy.js'
import {fixtures} from './fixtures.js'
import {names, world} from './harness.js'

describe.each(fixtures)('retries and rate limits ($id)', (fx) => {
  it('C1: under a 429 storm (every other write, Retry-After: 1) everything completes and no request comes before Retry-After', async () => {
    const w = await world(fx, names(6).map((name) => ({name, value: 'old'})))
    w.define(names(6).map((name) => ({name, value: 'new'})))
    w.emulator.faults.add({method: fx.updatePath('x').method, every: 2, fault: {type: 'status', status: 429, headers: {'retry-after': '1'}}})
    const res = await w.apply({parallelism: 1})
    expect(res.code).toBe(0)
    const log = w.emulator.requests
    const limited = log.filter((r) => r.status === 429)
    expect(limited.length).toBeGreaterThanOrEqual(3)
    const early = limited.flatMap((l) => log.filter((r) => r.at > l.at + 20 && r.at < l.at + 1000))
    expect(early).toEqual([])
    expect([...fx.remote(w.emulator).values()].every((v) => v === 'new')).toBe(true)
  })

  it('C2: a Retry-After of an hour fails fast (exit 5) and says what the vendor asked', async () => {
    const w = await world(fx, [{name: 'A', value: 'a'}])
    w.define([{name: 'A', value: 'a'}])
    w.emulator.faults.add({...fx.listPath, fault: {type: 'status', status: 429, headers: {'retry-after': '3600'}}})
    const started = Date.now()
    const res = await w.plan()
    expect(res.code).toBe(5)
    expect(res.error!.message).toMatch(/asked to wait 3600 s \(Retry-After\), more than the 60 s segsync waits/)
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it('C4: a persistent 503 stops after 5 attempts with at most 15 s of sleep in all', async () => {
    const emulator = await fx.start([])
    emulator.faults.add({...fx.listPath, fault: {type: 'status', status: 503}})
    let slept = 0
    const http = await createHttpClient({baseUrl: emulator.url, vendor: fx.id, headers: {authorization: `Bearer ${fx.key}`}, clock: {now: () => Date.now(), sleep: async (ms) => void (slept += ms)}})
    await expect(http.request({method: fx.listPath.method as 'GET', path: fx.listPath.path})).rejects.toThrow(/gave up after 5 attempts/)
    expect(emulator.requests).toHaveLength(5)
    expect(slept).toBeLessThanOrEqual(15_000)
    await http.close()
  })

  it.each([400, 404, 409, 422, 501])('C5: a %i on an update is not retried (1 attempt)', async (status) => {
    const w = await world(fx, [{name: 'A', value: 'old'}])
    w.define([{name: 'A', value: 'new'}])
    w.emulator.faults.add({...fx.updatePath(fx.idOf(w.emulator, 'A')), fault: {type: 'status', status}})
    const mark = w.mark()
    expect((await w.apply()).code).toBe(1)
    expect(w.writes(mark)).toHaveLength(1)
  })

  it('C7: a healthy vendor with a 10/s budget never answers 429 to segsync throttled to it', async () => {
    const w = await world(fx, names(25).map((name) => ({name, value: 'old'})), {rateLimit: {perSecond: 10}, vendorRateLimit: {perSecond: 10}})
    w.define(names(25).map((name) => ({name, value: 'new'})))
    expect((await w.apply()).code).toBe(0)
    const log = w.emulator.requests
    expect(log.filter((r) => r.status === 429)).toEqual([])
    const peak = Math.max(...log.map((r) => log.filter((o) => o.at >= r.at && o.at < r.at + 1000).length))
    expect(peak).toBeLessThanOrEqual(10)
  })

  it('C8: a hung read is timed out and retried; a hung create is reconciled, never duplicated', async () => {
    const w = await world(fx, [])
    w.define([{name: 'New', value: 'x'}])
    w.emulator.faults.add({...fx.listPath, times: 1, fault: {type: 'hang'}})
    w.emulator.faults.add({...fx.createPath, times: 1, fault: {type: 'hang'}})
    const started = Date.now()
    expect((await w.apply()).code).toBe(0)
    expect(fx.names(w.emulator)).toEqual(['New'])
    // Two 400 ms timeouts plus short backoff, not the default 30 s.
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it('C9: a truncated read is retried and a truncated create answer is reconciled (0 crashes, 0 duplicates)', async () => {
    const w = await world(fx, [])
    w.define([{name: 'New', value: 'x'}])
    w.emulator.faults.add({...fx.listPath, times: 1, fault: {type: 'truncate'}})
    w.emulator.faults.add({...fx.createPath, times: 1, fault: {type: 'truncate'}})
    expect((await w.apply()).code).toBe(0)
    expect(fx.names(w.emulator)).toEqual(['New'])
  })
})

describe('C3: backoff without Retry-After', () => {
  it('sleeps within [0, min(30 s, 2^n s)] with full jitter (coefficient of variation > 0.3)', () => {
    for (let n = 0; n < 8; n++) {
      const samples = Array.from({length: 2000}, () => backoffDelay(n, defaultRetryOptions))
      const ceiling = Math.min(30_000, 1000 * 2 ** n)
      expect(Math.min(...samples)).toBeGreaterThanOrEqual(0)
      expect(Math.max(...samples)).toBeLessThanOrEqual(ceiling)
      const mean = samples.reduce((a, b) => a + b, 0) / samples.length
      const sd = Math.sqrt(samples.reduce((a, b) => a + (b - mean) ** 2, 0) / samples.length)
      expect(sd / mean).toBeGreaterThan(0.3)
    }
  })
})
