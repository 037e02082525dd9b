/**
 * Matrix rows B1 and B3 (anchors-reliability.md §8): a saved plan whose world changed is refused
 * before any write (exit 7), naming the segment and what changed.
 */
import {describe, expect, it} from 'vitest'
import {fixtures} from './fixtures.js'
import {world} from './harness.js'

describe.each(fixtures)('stale saved plans ($id)', (fx) => {
  const setup = async () => {
    const w = await world(fx, [{name: 'Base', value: 'old'}, {name: 'Other', value: 'o'}])
    w.define([{name: 'Base', value: 'new'}, {name: 'Other', value: 'o'}, {name: 'Fresh', value: 'f'}])
    expect((await w.plan('plan.json')).code).toBe(0)
    return w
  }

  const kinds: Array<[string, (w: Awaited<ReturnType<typeof setup>>) => void, RegExp]> = [
    ['renamed in the vendor', (w) => fx.edit.rename(w.emulator, 'Base', 'Base (edited)'), /"Base".*(deleted in the vendor|now needs a create)/],
    ['condition edited in the vendor', (w) => fx.edit.change(w.emulator, 'Base', 'ui-edit'), /"Base" \(\S+\) was edited in the vendor since the plan: \S+/],
    ['deleted in the vendor', (w) => fx.edit.remove(w.emulator, 'Base'), /"Base" \(\S+\) was deleted in the vendor since the plan/],
    ['a same-name segment added in the vendor', (w) => fx.edit.add(w.emulator, {name: 'Fresh', value: 'ui'}), /"Fresh": a segment with this name now exists in the vendor/],
    ['a campaign started using a touched segment', (w) => fx.edit.campaign(w.emulator, 'Base'), /"Base": the active campaigns using it changed; now also campaign "New campaign"/],
  ]

  it.each(kinds)('B1: refuses when %s, with 0 writes', async (_, mutate, reason) => {
    const w = await setup()
    mutate(w)
    const mark = w.mark()
    const res = await w.apply({planFile: 'plan.json', allowCampaignImpact: true})
    expect(res.code).toBe(7)
    expect(res.error!.message).toMatch(reason)
    expect(w.writes(mark)).toEqual([])
  })

  it('B3: an older plan applied after the definitions moved on is refused (0 writes)', async () => {
    const w = await setup()
    w.define([{name: 'Base', value: 'newer'}, {name: 'Other', value: 'o'}, {name: 'Fresh', value: 'f'}])
    const mark = w.mark()
    const res = await w.apply({planFile: 'plan.json'})
    expect(res.code).toBe(7)
    expect(res.error!.message).toContain('the definition files changed since the plan was made')
    expect(w.writes(mark)).toEqual([])
  })

  it('applies a saved plan when nothing changed', async () => {
    const w = await setup()
    const res = await w.apply({planFile: 'plan.json'})
    expect(res.code).toBe(0)
    expect(res.report!.summary.applied).toBe(2)
  })
})
