import {describe, expect, it} from 'vitest'
import {slidingWindows} from '../../src/http/sliding-window.js'

/** The windows as the vendors document them, counted the slow way: every time kept, filtered on each question. */
function model(budget: {perSecond?: number; perMinute?: number}, marginMs: number) {
  const times: number[] = []
  const windows = [budget.perSecond && {size: 1000 + marginMs, max: budget.perSecond}, budget.perMinute && {size: 60_000 + marginMs, max: budget.perMinute}].filter(Boolean) as Array<{size: number; max: number}>
  return {
    record: (t: number) => void times.push(t),
    waitFor(now: number, open: number) {
      let wait = 0
      for (const w of windows) {
        const inWindow = times.filter((t) => t > now - w.size).sort((a, b) => a - b)
        const over = inWindow.length + open - w.max
        if (over >= 0) wait = Math.max(wait, over < inWindow.length ? inWindow[over]! + w.size - now : 5)
      }
      return wait
    },
  }
}

/** A small deterministic generator, so a failure names its seed. */
function random(seed: number) {
  return () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
}

describe('sliding windows', () => {
  it('answers as counting every request of the last minute would, with answers arriving out of order', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const next = random(seed)
      const budget = {perSecond: 1 + Math.floor(next() * 8), perMinute: 10 + Math.floor(next() * 60)}
      const windows = slidingWindows(budget, 25)
      const expected = model(budget, 25)
      const underWay: Array<{end: (at: number) => void}> = []
      let now = 0
      for (let step = 0; step < 600; step++) {
        // In steps of 25 ms, so times often fall exactly on a window's edge.
        now += 25 * Math.floor(next() * 16)
        if (next() < 0.5 || underWay.length === 0) underWay.push({end: windows.begin()})
        else {
          // An answer that came a little earlier than now, as a slow connection delivers it.
          const at = now - 25 * Math.floor(next() * 3)
          underWay.splice(Math.floor(next() * underWay.length), 1)[0]!.end(at)
          expected.record(at)
        }
        if (next() < 0.1) {
          windows.record(now)
          expected.record(now)
        }
        expect(windows.waitFor(now), `seed ${seed}, step ${step}`).toBe(expected.waitFor(now, underWay.length))
      }
    }
  })
})
