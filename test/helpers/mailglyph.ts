/** MailGlyph emulators and fixtures for tests: loopback, ephemeral port, closed when the test ends. */
import {onTestFinished} from 'vitest'
import type {MailGlyphAssumptions} from '../../src/emulators/mailglyph/assumptions.js'
import {createMailGlyphApp} from '../../src/emulators/mailglyph/app.js'
import type {MailGlyphState} from '../../src/emulators/mailglyph/state.js'
import {serve, type RunningEmulator} from '../../src/emulators/shared/server.js'

export const MAILGLYPH_KEY = 'sk_test_0123456789abcdef'

export interface MailGlyphEmulatorOptions {
  /** An injected budget: MailGlyph documents none (vendors.md §1.4). */
  rateLimit?: {perSecond?: number; perMinute?: number}
  /** Emulate a different reading of the docs (src/emulators/mailglyph/assumptions.ts). */
  assumptions?: Partial<MailGlyphAssumptions>
}

export async function mailglyphEmulator(seed: Record<string, unknown> = {}, options: MailGlyphEmulatorOptions = {}): Promise<RunningEmulator & {state: MailGlyphState}> {
  const app = createMailGlyphApp({apiKeys: [MAILGLYPH_KEY], ...seed}, options.assumptions)
  const emulator = await serve(app, {rateLimit: options.rateLimit})
  onTestFinished(() => emulator.close())
  return Object.assign(emulator, {state: app.state as MailGlyphState})
}

type Filter = {field: unknown; operator: string; value?: unknown; unit?: string}

export function filter(field: unknown, operator: string, value?: unknown, unit?: string): Filter {
  return {field, operator, ...(value !== undefined ? {value} : {}), ...(unit !== undefined ? {unit} : {})}
}

/** A condition of one AND group per argument list: `condition('AND', [f1, f2], [f3])`. */
export function condition(logic: 'AND' | 'OR', ...groups: Array<Filter[] | {filters: Filter[]; conditions?: unknown}>) {
  return {logic, groups: groups.map((g) => (Array.isArray(g) ? {filters: g} : g))}
}

/** Plain fetch against an emulator, for tests of the emulator itself. */
export async function call(url: string, method: string, path: string, body?: unknown, key: string | null = MAILGLYPH_KEY) {
  const res = await fetch(url + path, {
    method,
    headers: {...(key ? {authorization: `Bearer ${key}`} : {}), ...(body !== undefined ? {'content-type': 'application/json'} : {})},
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  })
  const text = await res.text()
  return {status: res.status, headers: res.headers, text, body: text ? JSON.parse(text) : undefined}
}

/**
 * A realistically messy account: server defaults (description null, trackMembership false), a
 * dashboard's leftovers (a value on `exists`, a unit on `equals`, `conditions: null`), nested
 * conditions, a repeated filter, membership references in both id forms, a STATIC segment, and
 * campaigns in every status and audience type.
 */
export const messySeed = {
  segments: [
    {
      id: 'seg_paying',
      name: 'Paying customers',
      description: null,
      trackMembership: false,
      memberCount: 1200,
      createdAt: '2025-03-01T10:00:00.000Z',
      condition: condition('OR', [filter('data.plan', 'equals', 'pro'), filter('subscribed', 'equals', true, 'days')], [filter('data.plan', 'equals', 'team')]),
    },
    {
      id: 'seg_engaged',
      name: 'Engaged readers',
      description: 'Opened or clicked lately',
      trackMembership: true,
      memberCount: 430,
      createdAt: '2025-04-01T10:00:00.000Z',
      condition: {
        logic: 'AND',
        groups: [
          {
            filters: [filter('data.vip', 'exists', ''), filter('email', 'contains', '@'), filter('email', 'contains', '@')],
            conditions: {
              logic: 'OR',
              groups: [
                {filters: [filter('email.opened', 'triggeredWithin', 14, 'days')], conditions: null},
                {filters: [filter('email.clicked', 'triggeredOlderThan', 2, 'hours')], conditions: condition('AND', [filter('createdAt', 'olderThan', 30, 'days')])},
              ],
            },
          },
        ],
      },
    },
    {
      id: 'seg_upsell',
      name: 'Upsell targets',
      description: '',
      createdAt: '2025-05-01T10:00:00.000Z',
      condition: condition('AND', [filter('seg_engaged', 'memberOfSegment', null), filter('segment.seg_paying', 'notMemberOfSegment'), filter('event.trial_started', 'triggered')]),
    },
    {id: 'seg_static', name: 'Webinar attendees', type: 'STATIC', condition: null, memberCount: 80, createdAt: '2025-06-01T10:00:00.000Z'},
  ],
  campaigns: [
    {id: 'cmp_spring', name: 'Spring sale', status: 'SCHEDULED', audienceType: 'SEGMENT', segmentId: 'seg_paying'},
    {id: 'cmp_digest', name: 'Weekly digest', status: 'SENDING', audienceType: 'SEGMENT', segmentId: 'seg_engaged'},
    {id: 'cmp_draft', name: 'Upsell draft', status: 'DRAFT', audienceType: 'SEGMENT', segmentId: 'seg_upsell'},
    {id: 'cmp_old', name: 'Old news', status: 'SENT', audienceType: 'SEGMENT', segmentId: 'seg_paying'},
    {id: 'cmp_all', name: 'Announcement', status: 'SCHEDULED', audienceType: 'ALL'},
  ],
}
