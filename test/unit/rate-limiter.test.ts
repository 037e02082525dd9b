import {describe, expect, it} from 'vitest'
import {sharedBudgets} from '../../src/connect/shared-budgets.js'
import {BudgetWaitError, createRateLimiter} from '../../src/http/rate-limiter.js'

function fakeClock() {
  let now = 0
  return {now: () => now, sleep: async (ms: number) => void (now += ms)}
}

describe('rate limiter', () => {
  it('keeps 250 requests inside 20/s and 100/min (Sequenzy)', async () => {
    const clock = fakeClock()
    const limiter = createRateLimiter({perSecond: 20, perMinute: 100}, clock)
    const times: number[] = []
    for (let i = 0; i < 250; i++) {
      (await limiter.acquire())()
      times.push(clock.now())
    }
    for (let i = 0; i < times.length; i++) {
      expect(times.filter((t) => t > times[i]! - 1000 && t <= times[i]!).length).toBeLessThanOrEqual(20)
      expect(times.filter((t) => t > times[i]! - 60_000 && t <= times[i]!).length).toBeLessThanOrEqual(100)
    }
    // Request 201 cannot go before 120 s (100/min); the last 50 then go in 20/s bursts (3 windows).
    expect(times[200]!).toBeGreaterThanOrEqual(120_000)
    expect(times[249]!).toBeLessThanOrEqual(122_200)
  })

  it('counts a request from when its answer came, and holds a place while it is under way', async () => {
    const clock = fakeClock()
    const limiter = createRateLimiter({perSecond: 2}, clock)
    // Sent at 0, answered at 600: the vendor may have counted it as late as 600.
    const slow = await limiter.acquire()
    const quick = await limiter.acquire()
    quick()
    await clock.sleep(600)
    slow()
    ;(await limiter.acquire())()
    // The place of the quick one frees at 1,025 (window and margin); the slow one's only at 1,625.
    expect(clock.now()).toBe(1025)
    ;(await limiter.acquire())()
    expect(clock.now()).toBe(1625)
  })

  it('waits for a request under way when every place is taken by one', async () => {
    const clock = fakeClock()
    const limiter = createRateLimiter({perSecond: 1}, clock)
    const first = await limiter.acquire()
    const second = limiter.acquire().then((done) => (done(), clock.now()))
    await clock.sleep(3000)
    first()
    expect(await second).toBeGreaterThanOrEqual(3000 + 1025)
  })

  it('admits callers in the order they asked: one asking while another waits goes after it, even with a place free', async () => {
    // A clock whose sleepers wake only when the test says so.
    let now = 0
    const sleepers: Array<{until: number; wake: () => void}> = []
    const clock = {now: () => now, sleep: (ms: number) => new Promise<void>((wake) => void sleepers.push({until: now + ms, wake}))}
    const wakeUntil = (t: number) => {
      now = t
      for (const s of sleepers.splice(0)) if (s.until <= t) s.wake()
    }
    const settle = () => new Promise((resolve) => setImmediate(resolve))
    const limiter = createRateLimiter({perSecond: 1}, clock)
    const admitted: string[] = []
    const ask = (who: string) =>
      limiter.acquire().then((done) => {
        admitted.push(`${who} at ${clock.now()}`)
        done()
      })
    await ask('first')
    const second = ask('second')
    await settle()
    // The window has a place again, but the second still sleeps: the third must not go first.
    now = 1100
    const third = ask('third')
    await settle()
    expect(admitted).toEqual(['first at 0'])
    wakeUntil(1100)
    await second
    await settle()
    expect(admitted).toEqual(['first at 0', 'second at 1100'])
    wakeUntil(1100 + 1025)
    await third
    expect(admitted).toEqual(['first at 0', 'second at 1100', 'third at 2125'])
    // With nobody waiting and a place free, a caller is admitted at once.
    now = 5000
    await ask('fourth')
    expect(admitted.at(-1)).toBe('fourth at 5000')
  })

  it('makes everyone wait after a pause (a 429 with Retry-After)', async () => {
    const clock = fakeClock()
    const limiter = createRateLimiter(undefined, clock)
    limiter.pause(2000)
    ;(await limiter.acquire())()
    expect(clock.now()).toBe(2000)
  })

  it('fails a request that may wait only briefly when its place is far off, without taking one', async () => {
    const clock = fakeClock()
    const limiter = createRateLimiter({perSecond: 20, perMinute: 3}, clock)
    for (let i = 0; i < 3; i++) (await limiter.acquire({maxWaitMs: 2000}))()
    // The minute is full: the fourth would wait a minute.
    const refused = await limiter.acquire({maxWaitMs: 2000}).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(BudgetWaitError)
    expect((refused as BudgetWaitError).waitMs).toBe(60_025)
    expect(clock.now()).toBe(0)
    // It took no place: a request that may wait gets the next one, a minute on.
    ;(await limiter.acquire())()
    expect(clock.now()).toBe(60_025)
    // Within the per-second window, a brief wait is taken.
    const brief = createRateLimiter({perSecond: 1}, clock)
    ;(await brief.acquire({maxWaitMs: 2000}))()
    ;(await brief.acquire({maxWaitMs: 2000}))()
    expect(clock.now()).toBe(60_025 + 1025)
  })

  it('tightens to the stricter budget, counting the requests already made', async () => {
    const clock = fakeClock()
    const limiter = createRateLimiter({perSecond: 10}, clock)
    for (let i = 0; i < 3; i++) (await limiter.acquire())()
    limiter.tighten({perSecond: 3, perMinute: 50})
    ;(await limiter.acquire())()
    expect(clock.now()).toBeGreaterThanOrEqual(1000)
    limiter.tighten({perSecond: 20})
    for (let i = 0; i < 2; i++) (await limiter.acquire())()
    // Still 3/s: a looser budget never loosens it.
    expect(clock.now()).toBeGreaterThanOrEqual(1000)
    ;(await limiter.acquire())()
    expect(clock.now()).toBeGreaterThanOrEqual(2000)
  })
})

describe('shared budgets', () => {
  it('gives workspaces on one endpoint with one key one limiter, at the strictest budget; another key or endpoint its own', () => {
    const budgetFor = sharedBudgets()
    const production = budgetFor('https://api.sequenzy.com', 'key-1', {perSecond: 20, perMinute: 100})
    const sameAccount = budgetFor('https://api.sequenzy.com', 'key-1', {perSecond: 50})
    expect(sameAccount).toBe(production)
    expect(budgetFor('https://api.sequenzy.com', 'key-2', {perSecond: 20})).not.toBe(production)
    expect(budgetFor('http://127.0.0.1:4010', 'key-1', {perSecond: 20})).not.toBe(production)
  })

  it('says when a request must wait a long time for its place, and not for the brief waits of a per-second budget', async () => {
    const clock = fakeClock()
    const lines: string[] = []
    const budgetFor = sharedBudgets((line) => lines.push(line), clock)
    const limiter = budgetFor('https://api.sequenzy.com', 'key-1', {perSecond: 2, perMinute: 3}, 'Sequenzy')
    // The third waits a second for the per-second window: no line.
    for (let i = 0; i < 3; i++) (await limiter.acquire())()
    expect(lines).toEqual([])
    expect(clock.now()).toBe(1025)
    // The fourth waits for the minute (counted from the first two, at 0).
    ;(await limiter.acquire())()
    expect(lines).toEqual(["waiting 59 s for Sequenzy's request budget (2 a second, 3 a minute, https://api.sequenzy.com)…"])
  })
})

