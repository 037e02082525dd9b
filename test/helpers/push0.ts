/** Push0 test helpers: an emulator on loopback (closed when the test ends), raw calls, builders. */
import {onTestFinished} from 'vitest'
import {startEmulator} from '../../src/emulators/registry.js'
import type {RunningEmulator} from '../../src/emulators/shared/server.js'
import type {Push0State, StoredSegment} from '../../src/emulators/push0/state.js'
import {push0} from '../../src/providers/push0/index.js'

export const PUSH0_KEY = 'push0_test_0123456789abcdef'

export type Push0Emulator = RunningEmulator & {state: Push0State}

export async function push0Emulator(seed: Partial<Omit<Push0State, 'segments'>> & {segments?: Array<Partial<StoredSegment>>} = {}): Promise<Push0Emulator> {
  const emulator = await startEmulator('push0', {seed: {apiKeys: [PUSH0_KEY], ...seed}})
  onTestFinished(() => emulator.close())
  return Object.assign(emulator, {state: emulator.app.state as Push0State})
}

/** The adapter against `emulator`, with short retries so tests stay fast. */
export async function push0Client(emulator: RunningEmulator, apiKey = PUSH0_KEY) {
  const client = await push0.connect({endpoint: emulator.url, apiKey, retry: {baseDelayMs: 5, maxDelayMs: 20}})
  onTestFinished(() => client.close())
  return client
}

/** A raw HTTP call as a Push0 user would make it; both headers by default. */
export async function call(url: string, method: string, path: string, options: {body?: unknown; key?: string | null; contentType?: string | null} = {}) {
  const key = options.key === undefined ? PUSH0_KEY : options.key
  const contentType = options.contentType === undefined ? 'application/json' : options.contentType
  const res = await fetch(url + path, {
    method,
    headers: {...(key ? {authorization: `Bearer ${key}`} : {}), ...(contentType ? {'content-type': contentType} : {})},
    body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
  })
  const text = await res.text()
  const json = res.headers.get('content-type')?.startsWith('application/json') && text ? JSON.parse(text) : undefined
  return {status: res.status, headers: res.headers, text, body: json}
}

export const constraint = (field: string, relation: string, value: string | number) => ({field, relation, value})
export const group = (type: 'AND' | 'OR', ...constraints: Array<ReturnType<typeof constraint>>) => ({type, constraints})

/** Requests that change state. */
export function push0Writes(emulator: RunningEmulator) {
  return emulator.requests.filter((r) => r.method !== 'GET')
}

const ten = Array.from({length: 10}, (_, i) => constraint('appVersionCode', '!=', i))

/**
 * A realistically messy Push0 account for import round trips: upper-case relation aliases, null and
 * empty descriptions, server timestamps, the "All" segment with no constraints, full and repeated groups.
 */
export const messyState = {
  segments: [
    {id: 'sg_all', name: 'All', description: 'Targeting all devices', constraints: [], updatedAt: null, createdAt: 1771000000000},
    {
      id: 'sg_xiaomi',
      name: 'Xiaomi or Samsung phones',
      description: null,
      updatedAt: 1771924492782,
      createdAt: 1771924000000,
      constraints: [
        group('AND', constraint('deviceManufacturer', 'EQUALS', 'Xiaomi'), constraint('deviceModel', '==', 'Redmi Note XXXXX')),
        group('AND', constraint('osVersion', 'EQUALS', '13')),
        group('OR', constraint('deviceManufacturer', 'STARTS_WITH', 'Sams'), constraint('type', '==', 'phone'), constraint('type', '==', 'phone')),
      ],
    },
    {
      id: 'sg_sessions',
      name: 'Recent first sessions',
      description: '',
      updatedAt: null,
      createdAt: 1771924000001,
      constraints: [group('AND', constraint('firstSession', '<=', 1771924492768)), group('AND', constraint('lastSession', '>=', 1771924492782)), group('AND', constraint('firstSession', '<=', 1771924492768))],
    },
    {
      id: 'sg_full',
      name: 'Ten version codes',
      description: 'Every version but the first ten',
      constraints: [group('AND', ...ten), group('OR', constraint('tags', 'CONTAINS', 'beta'), constraint('tags', 'EXISTS', ''), constraint('email', 'ENDS_WITH', '@example.com'), constraint('unRegisteredAt', '>', 0))],
    },
    {
      id: 'sg_locale',
      name: 'Polish speakers in Warsaw',
      constraints: [group('AND', constraint('country', 'NOT_EQUALS', 'DE'), constraint('language', '==', 'pol'), constraint('timezone', 'CONTAINS', 'Warsaw'), constraint('sessionCount', '<', 2147483647), constraint('customUserId', 'EXISTS', ''), constraint('pushToken', 'EXISTS', ''), constraint('id', '!=', 'dev_1'), constraint('osApi', 'STARTS_WITH', '3'), constraint('appVersion', 'starts_with', '1.3'), constraint('createdAt', '>', 1700000000000))],
    },
  ],
}
