/**
 * Altcraft's telling of the shared end-to-end stories: campaign impact through mailings (and
 * through dependsOn), integer ids, full-definition updates, the token in every request body and
 * errors that arrive as HTTP 200 with `error ≠ 0`.
 */
import {expect} from 'vitest'
import {ALTCRAFT_TOKEN, altcraftEmulator, altcraftWrites, block, messyState, query, type AltcraftEmulator} from '../../helpers/altcraft.js'
import type {VendorCase, Writes} from './vendor-case.js'

/** A block as the server stores it: with its defaults. */
const served = (listId: number, condition: 'and' | 'or', ...queries: unknown[]) => [{...block(listId, condition, ...queries), limit: 0, percent_from: 0, percent_to: 100}]
/** Altcraft's failure: HTTP 200, `error ≠ 0` and `error_text`. */
export const envelopeError = (code: number, text: string) => ({type: 'status' as const, status: 200, body: {error: code, error_text: text}})
export const base = {name: 'Base', list_id: 5, segment: [{condition: 'and', queries: [query('email', 'equal', 'a@b.c')]}]}
/** One segment, Base, whose definition (`base`) differs: an update. */
export const smallSeed = {segments: [{id: 10, name: 'Base', list_id: 5, segment: [block(5, 'and', query('email', 'equal', 'x@y.z'))]}]}

const kinds: Record<string, keyof Writes> = {add: 'creates', update: 'updates', delete: 'deletes'}

export const altcraft: VendorCase<AltcraftEmulator> = {
  provider: 'altcraft',
  label: 'Altcraft',
  key: ALTCRAFT_TOKEN,
  start: (seed) => altcraftEmulator(seed),
  writes: altcraftWrites,
  // Every call is a POST: the method is in the path.
  writeKind: (r) => kinds[/\/segments\/(\w+)\/?$/.exec(r.path)?.[1] ?? ''],

  // Remote: Base (mailing "Weekly digest") ← Derived (mailing "Promo"), Old (completed mailing), Hand made, Static.
  seed: {
    databases: [5, 6],
    segments: [
      {id: 10, name: 'Base', list_id: 5, segment: served(5, 'and', {...query('email', 'equal', 'a@b.c'), child: [], condition: ''})},
      {id: 11, name: 'Derived', list_id: 5, is_static: true, is_refresh_daily: true, segment: served(5, 'and', query('_region', 'equal', 'EU'))},
      {id: 12, name: 'Old', list_id: 5, segment: served(5, 'or', query('_tag', 'equal', 'old'))},
      {id: 13, name: 'Hand made', list_id: 6, segment: served(6, 'or', query('_tag', 'equal', 'hand'))},
      {id: 14, name: 'Static', list_id: 5, is_static: true},
    ],
    campaigns: [
      {id: 1, name: 'Weekly digest', type: 'regular', is_active: true, data_type: 'segment', data_id: 10},
      {id: 2, name: 'Promo', type: 'broadcast', is_active: true, data_type: 'segment', data_id: 11},
      {id: 3, name: 'Newsletter 2023', type: 'broadcast', is_active: true, is_completed: true, data_type: 'segment', data_id: 12},
      {id: 4, name: 'Paused chain', type: 'trigger', is_active: false, data_type: 'segment', data_id: 10},
    ],
  },
  files: {
    'segments/base.json': {name: 'Base', list_id: 5, segment: [{condition: 'and', queries: [query('email', 'equal', 'a@b.c'), query('_lang', 'equal', 'en')]}]},
    'segments/derived.json': {name: 'Derived', dependsOn: ['Base'], list_id: 5, is_static: true, is_refresh_daily: true, segment: [{condition: 'and', queries: [query('_region', 'equal', 'EU')]}]},
    'segments/old.json': {name: 'Old', ensure: 'absent'},
    // Two new segments, the child depending on the parent: the parent is created first.
    'segments/new-child.ts': `import {defineSegment} from 'segsync/altcraft'\nexport default defineSegment({name: 'New child', dependsOn: ['New parent'], list_id: 6, segment: [{condition: 'or', percent_to: 50, queries: [{compo: 'default', name: '_city', operator: 'equal', type: 'string', value: [{name: 'value', value: 'Berlin'}]}]}]})\n`,
    'segments/new-parent.json': {name: 'New parent', list_id: 6, segment: [{condition: 'and', limit: 100, queries: [query('_vip', 'equal', 'yes')]}]},
  },

  plan: {
    says: [
      '~ update "Base" (10)',
      '+ adds query `_lang equal en`',
      'mailing "Weekly digest" (Active) directly',
      // Through dependsOn: Derived is built on Base.
      'mailing "Promo" (Active) through "Derived"',
      '+ create "New parent" (id known after apply)',
      '+ limits the segment to 100 profiles',
      '+ samples the database up to 50%',
      '- delete "Old" (12)',
      'mailing "Newsletter 2023" (Completed) directly',
      '1 read-only segment listed, never modified: "Static"',
      '1 unmanaged segment (no definition file; not touched): "Hand made"',
      'Plan: 2 to create, 1 to update, 1 to delete. 2 active campaigns affected. 2 blocked unless allowed.',
    ],
    // An inactive mailing is not listed; Derived is unchanged.
    never: ['Paused chain', '"Derived" (11)'],
  },
  json: {
    summary: {create: 2, update: 1, delete: 1, blocked: 2, affectedCampaigns: 2, unmanaged: 1},
    change: 'Base',
    // Mailings directly and through Derived (dependsOn); the inactive "Paused chain" is not one of them.
    impact: {
      usage: 'known',
      audience: true,
      campaigns: [
        {kind: 'mailing', id: '1', name: 'Weekly digest', status: 'Active', active: true, via: []},
        {kind: 'mailing', id: '2', name: 'Promo', status: 'Active', active: true, via: ['Derived']},
      ],
    },
  },
  blocked: {
    flags: [],
    says: [
      'apply refused before any write: 2 blocked changes',
      'update "Base": changes the audience of 2 active campaigns ("Weekly digest", "Promo") (allow with --allow-campaign-impact)',
      `delete "Old": deletes "Old": its definition says ensure: 'absent' (allow with --allow-delete)`,
    ],
    allowedWith: ['--allow-campaign-impact', '--allow-delete'],
  },
  apply: {
    flags: ['--allow-campaign-impact', '--allow-delete'],
    summary: 'Apply complete! 2 created, 1 updated, 1 deleted.',
    writes: {
      creates: ['New parent', 'New child'],
      // Updates send the full definition, with the server's block defaults; ids are integers.
      updates: [
        {
          path: '/api/v1.1/segments/update/',
          body: {
            token: ALTCRAFT_TOKEN,
            format: 'json',
            id: 10,
            name: 'Base',
            list_id: 5,
            is_static: false,
            is_refresh_daily: false,
            segment: [{condition: 'and', limit: 0, list_id: 5, percent_from: 0, percent_to: 100, queries: [query('email', 'equal', 'a@b.c'), query('_lang', 'equal', 'en')]}],
          },
        },
      ],
      deletes: [{path: '/api/v1.1/segments/delete/', body: {token: ALTCRAFT_TOKEN, format: 'json', id: 12}}],
    },
    segments: {
      'Old': null,
      'New child': {list_id: 6, segment: [expect.objectContaining({condition: 'or', percent_to: 50, list_id: 6})]},
      'Static': {is_static: true, segment: []},
    },
    check(emulator) {
      expect(emulator.state.segments.map((s) => s.id)).toEqual([10, 11, 13, 14, 15, 16])
    },
  },
  partial: {
    flags: ['--allow-campaign-impact', '--allow-delete'],
    // Altcraft refuses the second create with HTTP 200 and an error: a failure, never a success.
    fault: {path: '/api/v1.1/segments/add/', skip: 1, fault: envelopeError(402, 'Tariff limit reached')},
    outcomes: {'Base': 'applied', 'New parent': 'applied', 'New child': 'failed', 'Old': 'not-attempted'},
    message: 'Altcraft rejected POST /api/v1.1/segments/add/ (402): Tariff limit reached',
    rerun: 'Apply complete! 1 created, 0 updated, 1 deleted.',
  },
  import: {
    seed: messyState,
    written: ['buyers-objects', 'eu-women-subscribed', 'in-yahoo-users', 'yahoo-users'],
    // The static segment is skipped.
    says: ['Control group (static)'],
    contents: () => ({'yahoo-users': {hasNot: [/"?child"?: \[\]|"?condition"?: ''|"?condition"?: ""|percent_to|"?id"?: 3|count/]}}),
  },
  secrets: {
    key: 'altcraft_SuperSecretToken_42/+=',
    seed: smallSeed,
    files: {'segments/base.json': base},
    // The vendor echoes the token in its message, the way a careless server might.
    echo: (key) => ({path: '/api/v1.1/segments/update/', fault: envelopeError(400, `bad request for token ${key}`)}),
    code: 1,
    says: ['"token":"***"', 'bad request for token ***'],
    json: {workspaces: [{outcomes: [{message: 'Altcraft rejected POST /api/v1.1/segments/update/ (400): bad request for token ***'}]}]},
  },
  refusedKey: {files: {'segments/base.json': base}, key: 'a-token-that-is-not-valid', says: 'Altcraft refused the request (401 on POST /api/v1.1/segments/list/): Invalid API token'},
  embedded: {
    seed: {databases: [5]},
    files: {'segments/base.json': base, 'segments/derived.json': {name: 'Derived', dependsOn: ['Base'], list_id: 5, segment: [{condition: 'and', queries: [query('_region', 'equal', 'EU')]}]}},
    summary: 'Apply complete! 2 created, 0 updated, 0 deleted.',
    saved: {segments: [expect.objectContaining({name: 'Base'}), expect.objectContaining({name: 'Derived'})]},
  },
  invalid: {
    files: {
      'segments/bad.json': {
        name: 'Bad',
        list_id: '5',
        is_refresh_daily: true,
        segment: [{condition: 'and', list_id: 6, percent_from: 70, percent_to: 30, queries: [{compo: 'default', name: 'a', operator: 'equal', typ: 'string', value: []}]}],
      },
      'segments/rules.json': {name: 'Rules', list_id: 5, is_refresh_daily: true, segment: [{condition: 'and', list_id: 6, percent_from: 70, percent_to: 30, queries: [query('a', 'equal', 'b')]}]},
    },
    problems: [
      /segments\/bad\.json:3:14 {2}error {2}list_id must be an integer/,
      'unknown property "typ"',
      'hint: did you mean "type"?',
      'missing required property "type"',
      /segments\/rules\.json:4:23 {2}error {2}is_refresh_daily applies only to updatable segments \(is_static: true\)/,
      "block list_id 6 differs from the segment's list_id 5",
      'percent_from (70) must be less than percent_to (30)',
    ],
  },
}
