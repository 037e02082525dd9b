/**
 * `endpoint: 'embedded'`: the provider's emulator runs in this process on an ephemeral loopback
 * port; its state lives in .segsync/<workspace>.<provider>.json next to the config (gitignored),
 * seeded from `emulatorSeed` the first time.
 */
import {randomBytes} from 'node:crypto'
import {join} from 'node:path'
import type {Workspace} from '../core/model.js'
import {emulators, startEmulator} from './registry.js'
import type {RunningEmulator} from './shared/server.js'
import {readState} from './shared/state-file.js'

export interface EmbeddedEndpoint {
  endpoint: string
  apiKey: string
  emulator: RunningEmulator
  statePath: string
}

export function embeddedStatePath(ws: Pick<Workspace, 'rootDir' | 'name' | 'provider'>): string {
  return join(ws.rootDir, '.segsync', `${ws.name}.${ws.provider}.json`)
}

export async function startEmbedded(ws: Workspace): Promise<EmbeddedEndpoint> {
  const statePath = embeddedStatePath(ws)
  const seed = readState(statePath) ?? (ws.emulatorSeed ? readState(ws.emulatorSeed) : undefined)
  // Keys are plain strings, or `{key, scopes}` for vendors with scoped keys (Kibamail).
  const first = (seed as {apiKeys?: Array<string | {key?: string}>} | undefined)?.apiKeys?.[0]
  const apiKey = (typeof first === 'string' ? first : first?.key) ?? `${emulators[ws.provider].keyPrefix}embedded_${randomBytes(12).toString('hex')}`
  const emulator = await startEmulator(ws.provider, {seed, statePath})
  return {endpoint: emulator.url, apiKey, emulator, statePath}
}
