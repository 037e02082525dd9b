/**
 * Matrix rows A1–A11 (anchors-reliability.md §8): partial failure and recovery. Each test asserts
 * the figure its row names.
 */
import {describe, expect, it} from 'vitest'
import {fixtures, type SegmentSpec} from './fixtures.js'
import {names, statuses, world} from './harness.js'

const twenty = (value: string): SegmentSpec[] => names(20).map((name) => ({name, value}))

describe.each(fixtures)('partial failure and recovery ($id)', (fx) => {
  const updates = async () => {
    const w = await world(fx, twenty('old'))
    w.define(twenty('new'))
    return w
  }
  const updatesOf = (w: Awaited<ReturnType<typeof updates>>, name: string, from = 0) => {
    const {method, path} = fx.updatePath(fx.idOf(w.emulator, name))
    return w.emulator.requests.slice(from).filter((r) => r.method === method && r.path === path)
  }

  it('A1: a persistent 500 on the 7th of 20 updates: 6 applied, 1 failed, 13 not attempted; a re-run does the 14 left and converges', async () => {
    const w = await updates()
    const target = fx.updatePath(fx.idOf(w.emulator, 'S07'))
    w.emulator.faults.add({...target, fault: {type: 'status', status: 500}})
    const first = await w.apply({parallelism: 1})
    expect(first.code).toBe(8)
    expect(first.report!.summary).toEqual({applied: 6, failed: 1, uncertain: 0, notAttempted: 13, manual: 0})
    w.emulator.faults.clear()
    const mark = w.mark()
    const rerun = await w.apply({parallelism: 1})
    expect(rerun.code).toBe(0)
    expect(w.writes(mark)).toHaveLength(14)
    expect([...w.fx.remote(w.emulator).values()].every((v) => v === 'new')).toBe(true)
    expect(w.fx.names(w.emulator)).toHaveLength(20)
  })

  it('A2: a 500 twice on op 7, then success: all 20 applied, op 7 took 3 attempts', async () => {
    const w = await updates()
    w.emulator.faults.add({...fx.updatePath(fx.idOf(w.emulator, 'S07')), times: 2, fault: {type: 'status', status: 500}})
    const res = await w.apply({parallelism: 1})
    expect(res.code).toBe(0)
    expect(res.report!.summary.applied).toBe(20)
    expect(updatesOf(w, 'S07')).toHaveLength(3)
  })

  it('A3: a reset after the update committed: at most 2 writes of it, remote == desired', async () => {
    const w = await updates()
    w.emulator.faults.add({...fx.updatePath(fx.idOf(w.emulator, 'S07')), times: 1, fault: {type: 'reset-after'}})
    expect((await w.apply()).code).toBe(0)
    expect(updatesOf(w, 'S07').length).toBeLessThanOrEqual(2)
    expect(w.fx.remote(w.emulator).get('S07')).toBe('new')
  })

  it('A4: a reset before the update committed: retried once, remote == desired', async () => {
    const w = await updates()
    w.emulator.faults.add({...fx.updatePath(fx.idOf(w.emulator, 'S07')), times: 1, fault: {type: 'reset-before'}})
    expect((await w.apply()).code).toBe(0)
    expect(updatesOf(w, 'S07')).toHaveLength(2)
    expect(w.fx.remote(w.emulator).get('S07')).toBe('new')
  })

  it('A5: a create that landed but whose answer was lost is adopted, not re-sent: 0 duplicates, 1 extra list', async () => {
    const w = await world(fx, [])
    w.define([{name: 'New', value: 'x'}])
    w.emulator.faults.add({...fx.createPath, times: 1, fault: {type: 'reset-after'}})
    const mark = w.mark()
    const res = await w.apply()
    expect(res.code).toBe(0)
    expect(w.fx.names(w.emulator)).toEqual(['New'])
    const lists = w.emulator.requests.slice(mark).filter((r) => r.method === fx.listPath.method && r.path === fx.listPath.path)
    expect(lists).toHaveLength(2) // the plan's own read + one reconciliation
  })

  it('A6: a create that did not land is sent once more: exactly 1 created', async () => {
    const w = await world(fx, [])
    w.define([{name: 'New', value: 'x'}])
    w.emulator.faults.add({...fx.createPath, times: 1, fault: {type: 'reset-before'}})
    expect((await w.apply()).code).toBe(0)
    expect(w.fx.names(w.emulator)).toEqual(['New'])
  })

  it('A7: killed at any operation k of 20 (creates and updates), a re-run converges with no duplicates and at most 20-k+1 writes', async () => {
    for (const k of [1, 4, 7, 10, 13, 16, 20]) {
      const remote = names(10).map((name) => ({name, value: 'old'}))
      const w = await world(fx, remote)
      const desired = [...names(10).map((name) => ({name, value: 'new'})), ...names(10, 'N').map((name) => ({name, value: 'new'}))]
      w.define(desired)
      // "Kill" at write k: it commits, then nothing answers any more (the process is gone).
      w.emulator.faults.add({method: 'PATCH', skip: k - 1, times: 1, fault: {type: 'reset-after'}})
      w.emulator.faults.add({method: 'POST', skip: k - 1, times: 1, fault: {type: 'reset-after'}})
      let writes = 0
      const stop = () => writes >= k
      const counter = setInterval(() => (writes = w.writes().length), 1)
      await w.apply({parallelism: 1, stopped: stop})
      clearInterval(counter)
      w.emulator.faults.clear()
      const mark = w.mark()
      const rerun = await w.apply({parallelism: 1})
      expect(rerun.code, `k=${k}`).toBe(0)
      expect(w.writes(mark).length, `k=${k}`).toBeLessThanOrEqual(20 - Math.min(k, 20) + 1)
      const remoteNow = w.fx.remote(w.emulator)
      expect(w.fx.names(w.emulator), `k=${k}: no duplicates`).toHaveLength(20)
      expect([...remoteNow.values()].every((v) => v === 'new'), `k=${k}`).toBe(true)
    }
  })

  it('A9: when a parent create fails, its dependent is never attempted (0 writes to dependents)', async () => {
    const w = await world(fx, [])
    w.define([{name: 'Parent', value: 'p'}, {name: 'Child', value: 'c', refs: ['Parent']}])
    w.emulator.faults.add({...fx.createPath, times: 1, fault: {type: 'status', status: 422}})
    const res = await w.apply()
    expect(statuses(res.report)).toEqual({Parent: 'failed', Child: 'not-attempted'})
    expect(w.writes()).toHaveLength(1)
  })

  it('A10: a failed update stops every delete (0 deletes executed); nothing applied is a plain failure (exit 1), not a partial one', async () => {
    const w = await world(fx, [{name: 'Keep', value: 'old'}, ...names(3, 'D').map((name) => ({name, value: 'd'}))])
    w.define([{name: 'Keep', value: 'new'}, ...names(3, 'D').map((name) => ({name, ensure: 'absent' as const}))])
    w.emulator.faults.add({...fx.updatePath(fx.idOf(w.emulator, 'Keep')), fault: {type: 'status', status: 422}})
    const res = await w.apply({allowDelete: true})
    expect(res.code).toBe(1)
    expect(statuses(res.report)).toEqual({Keep: 'failed', D01: 'not-attempted', D02: 'not-attempted', D03: 'not-attempted'})
    expect(w.fx.names(w.emulator)).toHaveLength(4)
  })

  it('A11: the same saved plan applied twice writes nothing the second time', async () => {
    const w = await updates()
    expect((await w.plan('plan.json')).code).toBe(0)
    expect((await w.apply({planFile: 'plan.json'})).code).toBe(0)
    const mark = w.mark()
    const again = await w.apply({planFile: 'plan.json'})
    expect(again.code).toBe(0)
    expect(w.writes(mark)).toHaveLength(0)
  })
})
