/** Altcraft test helpers: an emulator on loopback (closed when the test ends), raw calls, builders. */
import {onTestFinished} from 'vitest'
import {startEmulator} from '../../src/emulators/registry.js'
import type {RunningEmulator} from '../../src/emulators/shared/server.js'
import type {AltcraftState} from '../../src/emulators/altcraft/state.js'
import {connectAltcraft, type AltcraftTuning} from '../../src/providers/altcraft/client.js'

/** Altcraft tokens are opaque strings (seed: "abcdefghijklmnqrstuvwxyz"). */
export const ALTCRAFT_TOKEN = 'altcraft_test_token_0123456789abcdef'

export type AltcraftEmulator = RunningEmulator & {state: AltcraftState}

export async function altcraftEmulator(seed: Record<string, unknown> = {}, options: {rateLimit?: {perSecond?: number; perMinute?: number}} = {}): Promise<AltcraftEmulator> {
  const emulator = await startEmulator('altcraft', {seed: {apiKeys: [ALTCRAFT_TOKEN], ...seed}, rateLimit: options.rateLimit})
  onTestFinished(() => emulator.close())
  return Object.assign(emulator, {state: emulator.app.state as AltcraftState})
}

/** The adapter against `emulator`, with short retries so tests stay fast. */
export async function altcraftClient(emulator: RunningEmulator, options: {token?: string; tuning?: AltcraftTuning} = {}) {
  const client = await connectAltcraft({endpoint: emulator.url, apiKey: options.token ?? ALTCRAFT_TOKEN, retry: {baseDelayMs: 5, maxDelayMs: 20}}, options.tuning)
  onTestFinished(() => client.close())
  return client
}

/** A raw API call as an Altcraft user makes it: POST /api/v1.1/<method>/ with the token in the body. */
export async function call(url: string, method: string, params: Record<string, unknown> = {}, options: {token?: string | null; httpMethod?: string; raw?: string} = {}) {
  const token = options.token === undefined ? ALTCRAFT_TOKEN : options.token
  const body = options.raw ?? JSON.stringify({...(token !== null ? {token} : {}), ...params})
  const res = await fetch(`${url}/api/v1.1/${method}/`, {method: options.httpMethod ?? 'POST', headers: {'content-type': 'application/json'}, body: options.httpMethod === 'GET' ? undefined : body})
  const text = await res.text()
  return {status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined}
}

export const query = (name: string, operator: string, value: string, extra: Record<string, unknown> = {}) => ({compo: 'default', name, operator, type: 'string', value: [{name: 'value', value}], ...extra})
export const block = (list_id: number, condition: 'and' | 'or', ...queries: unknown[]) => ({condition, list_id, queries})

/** The Altcraft requests that change state (every call is a POST: count by method path). */
export function altcraftWrites(emulator: RunningEmulator) {
  return emulator.requests.filter((r) => /\/segments\/(add|update|delete)\/?$/.test(r.path))
}

/**
 * A realistically messy account: server-added query defaults, nested queries several levels
 * deep, object queries, an "in segment"-looking rule holding a raw segment id, sampling and
 * limits, an updatable segment refreshed daily, several blocks, a static segment and one built
 * in the UI without type flags on the block.
 */
export const messyState = {
  databases: [5, 6],
  segments: [
    {id: 3, name: 'Yahoo users', list_id: 5, segment: [{condition: 'or', limit: 0, list_id: 5, percent_from: 0, percent_to: 100, queries: [{child: [], compo: 'domaingroup', condition: '', name: 'email', operator: 'equal', type: 'email', value: [{name: 'domaingroup', value: 'Yahoo! (US)'}]}]}]},
    {
      id: 7,
      name: 'EU women, subscribed',
      list_id: 5,
      is_static: true,
      is_refresh_daily: true,
      segment: [
        {
          condition: 'and',
          list_id: 5,
          percent_from: 10,
          percent_to: 60,
          limit: 5000,
          queries: [
            {...query('_region', 'equal', 'EU'), child: [{...query('_sex', 'equal', 'f'), child: [query('_age', 'gte', '18'), query('_age', 'lte', '65')], condition: 'and'}, query('_sex', 'equal', 'x')], condition: 'or'},
            {child: [], compo: 'default', condition: '', name: 'custom_tags', object_path: '', object_type: '', operator: 'in_data', type: 'subscription_email', value: [{name: 'url', value: 'http:127.0.0.1:8080/json.email.subscriptions'}, {name: 'field', value: 'subscriptions'}, {name: 'resource_id', value: '1'}]},
          ],
        },
      ],
    },
    {id: 8, name: 'Buyers (objects)', list_id: 6, segment: [{condition: 'and', list_id: 6, queries: [{...query('amount', 'gt', '100'), object_path: 'orders', object_type: 'order'}]}, {condition: 'or', list_id: 6, percent_to: 50, queries: [query('city', 'equal', 'Berlin'), query('city', 'equal', 'Berlin')]}]},
    {id: 9, name: 'In Yahoo users', list_id: 5, segment: [{condition: 'and', list_id: 5, queries: [{compo: 'segments', name: 'segment', operator: 'in_segment', type: 'segment', value: [{name: 'segment_id', value: 3}]}]}]},
    {id: 11, name: 'Control group (static)', is_static: true, list_id: 5, count: 1200},
  ],
}
