/** Matrix rows G1–G7 (anchors-reliability.md §8): deletion safety. Every figure is "deletes = 0" unless allowed. */
import {describe, expect, it} from 'vitest'
import {fixtures} from './fixtures.js'
import {names, world} from './harness.js'

describe.each(fixtures)('deletion safety ($id)', (fx) => {
  it('G1/G6: a segment without a file is unmanaged: listed, never deleted (without prune)', async () => {
    const w = await world(fx, [{name: 'Kept', value: 'k'}, {name: 'Hand made', value: 'h'}])
    w.define([{name: 'Kept', value: 'k'}])
    const plan = await w.plan()
    expect(plan.document!.workspaces[0]!.unmanaged.map((u) => u.name)).toEqual(['Hand made'])
    expect((await w.apply({allowDelete: true})).code).toBe(0)
    expect(fx.remote(w.emulator).has('Hand made')).toBe(true)
  })

  it('G2: prune with no definitions at all is refused outright, even with --allow-delete', async () => {
    const w = await world(fx, [{name: 'A', value: 'a'}, {name: 'B', value: 'b'}], {prune: true})
    w.define([])
    const res = await w.apply({allowDelete: true})
    expect(res.code).toBe(6)
    expect(res.error!.message).toContain('the workspace has no definitions, so prune would delete every segment')
    expect(w.writes()).toEqual([])
  })

  it('G3: 30 of 100 managed segments removed under prune need --confirm-delete=30', async () => {
    const all = names(100).map((name) => ({name, value: 'v'}))
    const w = await world(fx, all, {prune: true})
    w.define(all.slice(30))
    const res = await w.apply({allowDelete: true})
    expect(res.code).toBe(6)
    expect(res.error!.message).toContain('(allow with --confirm-delete=30)')
    expect(w.writes()).toEqual([])
    expect((await w.apply({allowDelete: true, confirmDelete: 29})).code).toBe(6)
    const ok = await w.apply({allowDelete: true, confirmDelete: 30})
    expect(ok.code).toBe(0)
    expect(fx.names(w.emulator)).toHaveLength(70)
  })

  it('G4: a protected segment is never deleted, whatever the flags', async () => {
    const w = await world(fx, [{name: 'Crown jewels', value: 'v'}])
    w.define([{name: 'Crown jewels', ensure: 'absent', protected: true}])
    const res = await w.apply({allowDelete: true, allowCampaignImpact: true})
    expect(res.code).toBe(6)
    expect(res.error!.message).toContain('"Crown jewels" is protected')
    expect(w.writes()).toEqual([])
  })

  it('G5: deleting a segment an active campaign uses is blocked, naming the campaign', async () => {
    const w = await world(fx, [{name: 'In use', value: 'v'}], {campaignOn: 'In use'})
    w.define([{name: 'In use', ensure: 'absent'}])
    const res = await w.apply({allowDelete: true})
    expect(res.code).toBe(6)
    expect(res.error!.message).toMatch(/deletes a segment used by 1 active campaign \("Live campaign"\)/)
    expect(w.writes()).toEqual([])
  })

  it('G7: A depends on B, both removed: A is deleted before B, after every upsert', async () => {
    const w = await world(fx, [{name: 'B', value: 'b'}, {name: 'A', value: 'a', refs: ['B']}, {name: 'C', value: 'old'}])
    const ids = {A: fx.idOf(w.emulator, 'A'), B: fx.idOf(w.emulator, 'B'), C: fx.idOf(w.emulator, 'C')}
    w.define([{name: 'A', ensure: 'absent'}, {name: 'B', ensure: 'absent'}, {name: 'C', value: 'new'}])
    expect((await w.apply({allowDelete: true})).code).toBe(0)
    const order = w.writes().map((r) => Object.entries(ids).find(([, id]) => r.path.includes(id) || JSON.stringify(r.body ?? {}).includes(`"${id}"`))?.[0])
    expect(order).toEqual(['C', 'A', 'B'])
  })
})
