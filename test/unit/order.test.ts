import {describe, expect, it} from 'vitest'
import {byText} from '../../src/util/order.js'

describe('byText', () => {
  it('orders letters without regard to case, then by code unit, so no two names tie', () => {
    expect(['b', 'B', 'a', 'A', 'ä', 'Z', 'a1', 'A1'].sort(byText)).toEqual(['A', 'a', 'A1', 'a1', 'B', 'b', 'Z', 'ä'])
    expect(byText('same', 'same')).toBe(0)
  })
})
