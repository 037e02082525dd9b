import {describe, expect, it} from 'vitest'
import {runTasks, type Task} from '../../../src/core/apply/run-tasks.js'

const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms))

describe('runTasks', () => {
  it('runs dependencies first and never more than `concurrency` at once', async () => {
    let running = 0
    let peak = 0
    const order: string[] = []
    const task = (id: string, deps: string[] = []): Task<string> => ({
      id,
      deps,
      run: async () => {
        running++
        peak = Math.max(peak, running)
        await tick()
        order.push(id)
        running--
        return id
      },
    })
    const tasks = [task('child', ['parent']), ...Array.from({length: 10}, (_, i) => task(`t${i}`)), task('parent')]
    const outcomes = await runTasks(tasks, {concurrency: 3})
    expect(peak).toBe(3)
    expect([...outcomes.values()].every((o) => o.status === 'applied')).toBe(true)
    expect(order.indexOf('parent')).toBeLessThan(order.indexOf('child'))
  })

  it('after a failure starts nothing new, finishes what is in flight, and says why the rest did not run', async () => {
    const started: string[] = []
    const task = (id: string, deps: string[] = [], fail = false, ms = 5): Task<string> => ({
      id,
      deps,
      run: async () => {
        started.push(id)
        await tick(ms)
        if (fail) throw new Error(`${id} broke`)
        return id
      },
    })
    const outcomes = await runTasks([task('a', [], true, 1), task('slow', [], false, 30), task('dependent', ['a']), task('later'), task('later2')], {concurrency: 2})
    expect(started).toEqual(['a', 'slow'])
    expect(outcomes.get('slow')).toEqual({status: 'applied', value: 'slow'})
    expect(outcomes.get('a')).toMatchObject({status: 'failed'})
    expect(outcomes.get('dependent')).toEqual({status: 'not-attempted', reason: 'depends on "a", which failed'})
    expect(outcomes.get('later')).toEqual({status: 'not-attempted', reason: 'not started: the apply stopped after a failure'})
  })

  it('stops starting work when told to (a signal)', async () => {
    let stop = false
    const outcomes = await runTasks(
      [
        {id: 'first', deps: [], run: async () => ((stop = true), 'x')},
        {id: 'second', deps: ['first'], run: async () => 'y'},
      ],
      {concurrency: 1, stopped: () => stop},
    )
    expect(outcomes.get('first')!.status).toBe('applied')
    expect(outcomes.get('second')).toEqual({status: 'not-attempted', reason: 'interrupted before it started'})
  })
})
