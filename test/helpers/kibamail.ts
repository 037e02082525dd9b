/** Kibamail emulators and condition builders for tests (loopback, ephemeral port, closed at test end). */
import {onTestFinished} from 'vitest'
import {startEmulator} from '../../src/emulators/registry.js'
import type {RunningEmulator} from '../../src/emulators/shared/server.js'
import type {KibamailState} from '../../src/emulators/kibamail/state.js'

/** Full access: what segsync needs to plan and apply. */
export const KB_KEY = 'kb_live_test_0123456789abcdef'
/** Can read segments and topics, cannot write: apply must be refused with exit 4. */
export const KB_READ_ONLY_KEY = 'kb_live_readonly_fedcba9876543210'

export const keys = [
  {key: KB_KEY, scopes: ['read:segments', 'write:segments', 'read:topics', 'read:contacts']},
  {key: KB_READ_ONLY_KEY, scopes: ['read:segments', 'read:topics']},
]

export async function kibamailEmulator(seed: Record<string, unknown> = {}, options: {rateLimit?: boolean | {perSecond?: number; perMinute?: number}} = {}): Promise<RunningEmulator & {state: KibamailState}> {
  const emulator = await startEmulator('kibamail', {seed: {apiKeys: keys, ...seed}, rateLimit: options.rateLimit})
  onTestFinished(() => emulator.close())
  return Object.assign(emulator, {state: emulator.app.state as KibamailState})
}

export const field = (name: string, operator: string, value: unknown) => ({field: name, operator, value})
export const and = (...conditions: unknown[]) => ({$and: conditions})
export const or = (...conditions: unknown[]) => ({$or: conditions})
export const not = (condition: unknown) => ({$not: condition})

export const topics = [
  {id: 'topic_news', name: 'Newsletter'},
  {id: 'topic_product', name: 'Product updates'},
]
export const properties = [
  {name: 'lifetime_value', type: 'NUMBER'},
  {name: 'plan', type: 'STRING'},
]

/** Requests that change state. */
export function writes(emulator: RunningEmulator) {
  return emulator.requests.filter((r) => r.method !== 'GET' && !(r.method === 'POST' && r.path === '/v1/contacts/search'))
}

/** A call to the emulator as any HTTP client would make it. */
export async function call(url: string, method: string, path: string, body?: unknown, key: string | null = KB_KEY, raw?: string) {
  const res = await fetch(url + path, {
    method,
    headers: {...(key ? {authorization: `Bearer ${key}`} : {}), ...(body !== undefined || raw !== undefined ? {'content-type': 'application/json'} : {})},
    body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
  })
  const text = await res.text()
  return {status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined}
}
