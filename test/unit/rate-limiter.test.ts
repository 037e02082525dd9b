import {describe, expect, it} from 'vitest'
import {createRateLimiter} from '../../src/http/rate-limiter.js'

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
      await limiter.acquire()
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

  it('makes everyone wait after a pause (a 429 with Retry-After)', async () => {
    const clock = fakeClock()
    const limiter = createRateLimiter(undefined, clock)
    limiter.pause(2000)
    await limiter.acquire()
    expect(clock.now()).toBe(2000)
  })
})
