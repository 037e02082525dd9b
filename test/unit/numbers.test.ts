import {describe, expect, it} from 'vitest'
import {countText, groupDigits} from '../../src/util/numbers.js'

describe('groupDigits', () => {
  it("writes whole numbers as toLocaleString('en-US') does, without ICU", () => {
    const samples = [0, 1, 7, 99, 999, 1000, 1001, 12_400, 99_999, 100_000, 999_999, 1_000_000, 1_234_567, 987_654_321_012, Number.MAX_SAFE_INTEGER, -1, -1234, -1_000_000]
    for (let n = 0; n < 20_000; n += 37) samples.push(n)
    for (const n of samples) expect(groupDigits(n)).toBe(n.toLocaleString('en-US'))
  })

  it('leaves what is not a safe integer to String', () => {
    expect(groupDigits(1e21)).toBe('1e+21')
    expect(groupDigits(2.5)).toBe('2.5')
  })

  it('marks a capped count as a lower bound, except zero', () => {
    expect(countText(2000, true)).toBe('≥ 2,000')
    expect(countText(0, true)).toBe('0')
    expect(countText(12_400)).toBe('12,400')
  })
})
