/** Emulators for tests: loopback, ephemeral port, closed when the test ends. */
import {onTestFinished} from 'vitest'
import {startEmulator} from '../../src/emulators/registry.js'
import type {RunningEmulator} from '../../src/emulators/shared/server.js'
import type {SequenzyState} from '../../src/emulators/sequenzy/state.js'

export const TEST_KEY = 'sk_live_test_0123456789abcdef'

export async function sequenzyEmulator(seed: Partial<SequenzyState> | Record<string, unknown> = {}, options: {rateLimit?: boolean | {perSecond?: number; perMinute?: number}} = {}): Promise<RunningEmulator & {state: SequenzyState}> {
  const emulator = await startEmulator('sequenzy', {seed: {apiKeys: [TEST_KEY], ...seed}, rateLimit: options.rateLimit})
  onTestFinished(() => emulator.close())
  return Object.assign(emulator, {state: emulator.app.state as SequenzyState})
}

/** Requests that change state (what "writes before abort = 0" counts). */
export function writes(emulator: RunningEmulator) {
  return emulator.requests.filter((r) => r.method !== 'GET')
}
