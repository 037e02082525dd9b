/**
 * Matrix row A7 with real processes (anchors-reliability.md §8): the built CLI applies 20 changes
 * (10 updates, 10 creates) and is SIGKILLed the moment its k-th write reaches the vendor; that
 * write either lands (the answer is lost with the process) or not. A second `segsync apply` must
 * converge: every segment as defined, no duplicate (names counted, MailGlyph allows duplicates),
 * and no more writes than were left. The in-process kill points of partial-failure.test.ts check
 * the same logic; this checks the process as a CI runner would lose it.
 */
import {describe, expect, it} from 'vitest'
import type {Fault} from '../../src/emulators/shared/faults.js'
import {startCli} from '../helpers/cli.js'
import {fixtures} from './fixtures.js'
import {fastEnv, names, world} from './harness.js'

/** k, and whether write k lands before the process dies. */
const TRIALS: Array<[number, boolean]> = [[1, true], [2, false], [5, true], [8, false], [11, true], [14, false], [17, true], [20, false]]

function cli(args: string[], cwd: string, env: Record<string, string>) {
  const child = startCli(args, {cwd, env})
  child.stdin.end()
  let output = ''
  child.stdout.on('data', (d: Buffer) => (output += d.toString()))
  child.stderr.on('data', (d: Buffer) => (output += d.toString()))
  const done = new Promise<{code: number | null; signal: NodeJS.Signals | null; output: string}>((resolve) => child.on('close', (code, signal) => resolve({code, signal, output})))
  return {child, done}
}

describe.each(fixtures)('A7 with SIGKILL ($id)', (fx) => {
  it('killed at write k of 20, landed or not, a re-run converges with no duplicates and at most 20-k+1 writes', async () => {
    for (const [k, lands] of TRIALS) {
      const w = await world(fx, names(10).map((name) => ({name, value: 'old'})))
      w.define([...names(10), ...names(10, 'N')].map((name) => ({name, value: 'new'})))
      const env = {...fastEnv, [fx.keyEnv]: fx.key}
      const run = cli(['apply', '--auto-approve'], w.repo.dir, env)
      let writes = 0
      const kill = (): Fault | undefined => {
        if (++writes !== k) return undefined
        run.child.kill('SIGKILL')
        return lands ? undefined : {type: 'reset-before'}
      }
      w.emulator.faults.add({method: 'POST', fault: {type: 'call', fn: kill}})
      w.emulator.faults.add({method: 'PATCH', fault: {type: 'call', fn: kill}})
      const first = await run.done
      expect(first.signal, `k=${k}: ${first.output}`).toBe('SIGKILL')
      w.emulator.faults.clear()

      const mark = w.mark()
      const rerun = await cli(['apply', '--auto-approve'], w.repo.dir, env).done
      expect(rerun.code, `k=${k} rerun: ${rerun.output}`).toBe(0)
      expect(w.writes(mark).length, `k=${k}`).toBeLessThanOrEqual(20 - k + 1)
      expect(fx.names(w.emulator), `k=${k}: no duplicates`).toEqual([...names(10, 'N'), ...names(10)].sort())
      expect([...fx.remote(w.emulator).values()].every((v) => v === 'new'), `k=${k}`).toBe(true)
    }
  }, 120_000)
})
