/**
 * What the reliability matrix needs to know about a vendor: how to seed its emulator, write a
 * definition, read the remote back, aim a fault at one segment's write, and edit the remote "in
 * the vendor UI". One fixture per provider; every row runs against each fixture.
 */
import type {RunningEmulator} from '../../src/emulators/shared/server.js'
import type {SequenzyState} from '../../src/emulators/sequenzy/state.js'
import type {MailGlyphState} from '../../src/emulators/mailglyph/state.js'
import {sequenzyEmulator, TEST_KEY} from '../helpers/emulators.js'
import {MAILGLYPH_KEY, mailglyphEmulator} from '../helpers/mailglyph.js'

export interface SegmentSpec {
  name: string
  /** The one value that varies: changing it changes the audience. */
  value: string
  /** Names of segments it references. */
  refs?: string[]
}

export interface VendorFixture {
  id: string
  keyEnv: string
  key: string
  /** Emulator seeded with these segments (ids `id_<index>`), optionally an active campaign on one. */
  start(segments: SegmentSpec[], options?: {campaignOn?: string; rateLimit?: {perSecond?: number; perMinute?: number}}): Promise<RunningEmulator>
  definition(spec: SegmentSpec): object
  /** name → value of every remote segment. */
  remote(emulator: RunningEmulator): Map<string, string>
  /** Every remote segment's name, duplicates kept (`remote` would fold them: count with this). */
  names(emulator: RunningEmulator): string[]
  /** Remote id of a segment by name. */
  idOf(emulator: RunningEmulator, name: string): string
  updatePath(id: string): {method: string; path: string}
  createPath: {method: string; path: string}
  listPath: {method: string; path: string}
  /** Whether a logged request changes state (default: any method but GET). */
  isWrite?: (request: {method: string; path: string}) => boolean
  /** Edits made behind segsync's back. */
  edit: {
    rename(emulator: RunningEmulator, name: string, to: string): void
    change(emulator: RunningEmulator, name: string, value: string): void
    remove(emulator: RunningEmulator, name: string): void
    add(emulator: RunningEmulator, spec: SegmentSpec): void
    campaign(emulator: RunningEmulator, name: string): void
  }
}

const seqRoot = (spec: SegmentSpec, idOf: (name: string) => unknown) => ({
  kind: 'group',
  joinOperator: 'and',
  children: [{kind: 'filter', field: 'status', operator: 'is', value: spec.value}, ...(spec.refs ?? []).map((r) => ({kind: 'filter', field: 'segment', operator: 'is', value: idOf(r)}))],
})

const seqState = (e: RunningEmulator) => e.app.state as SequenzyState

export const sequenzyFixture: VendorFixture = {
  id: 'sequenzy',
  keyEnv: 'SEQUENZY_API_KEY',
  key: TEST_KEY,
  async start(segments, options = {}) {
    const id = (name: string) => `seg_${segments.findIndex((s) => s.name === name)}`
    return sequenzyEmulator(
      {
        segments: segments.map((s) => ({id: id(s.name), name: s.name, root: seqRoot(s, id)})),
        campaigns: options.campaignOn ? [{id: 'cmp_live', name: 'Live campaign', status: 'sending', targetLists: {type: 'segment', segmentId: id(options.campaignOn)}}] : [],
      },
      {rateLimit: options.rateLimit},
    )
  },
  definition: (spec) => ({name: spec.name, root: seqRoot(spec, (r) => ({$segment: r}))}),
  remote: (e) => new Map(seqState(e).segments.map((s) => [s.name, String((s.root.children[0] as {value?: string}).value)])),
  names: (e) => seqState(e).segments.map((s) => s.name).sort(),
  idOf: (e, name) => seqState(e).segments.find((s) => s.name === name)!.id,
  updatePath: (id) => ({method: 'PATCH', path: `/api/v1/segments/${id}`}),
  createPath: {method: 'POST', path: '/api/v1/segments'},
  listPath: {method: 'GET', path: '/api/v1/segments'},
  edit: {
    rename: (e, name, to) => void (seqState(e).segments.find((s) => s.name === name)!.name = to),
    change: (e, name, value) => void ((seqState(e).segments.find((s) => s.name === name)!.root.children[0] as {value?: string}).value = value),
    remove: (e, name) => void (seqState(e).segments = seqState(e).segments.filter((s) => s.name !== name)),
    add: (e, spec) =>
      void seqState(e).segments.push({
        id: `seg_ui_${spec.name.replace(/\W/g, '')}`,
        name: spec.name,
        root: {kind: 'group', id: 'root', joinOperator: 'and', children: [{kind: 'filter', id: 'f1', field: 'status', operator: 'is', value: spec.value}]},
        createdAt: '',
        updatedAt: '',
      }),
    campaign: (e, name) =>
      void seqState(e).campaigns.push({id: 'cmp_new', name: 'New campaign', status: 'scheduled', targetLists: {type: 'segment', segmentId: sequenzyFixture.idOf(e, name)}}),
  },
}

// MailGlyph: a segment is `data.tier equals <value>`; references are membership filters, which
// the emulator accepts when its `acceptMembershipOperators` assumption is on (vendors.md §1.6).
const mgCondition = (spec: SegmentSpec, idOf: (name: string) => unknown) => ({
  logic: 'AND',
  groups: [{filters: [{field: 'data.tier', operator: 'equals', value: spec.value}, ...(spec.refs ?? []).map((r) => ({field: idOf(r), operator: 'memberOfSegment'}))]}],
})
const mgState = (e: RunningEmulator) => e.app.state as MailGlyphState
const mgSegment = (e: RunningEmulator, name: string) => mgState(e).segments.find((s) => s.name === name)!

export const mailglyphFixture: VendorFixture = {
  id: 'mailglyph',
  keyEnv: 'MAILGLYPH_API_KEY',
  key: MAILGLYPH_KEY,
  async start(segments, options = {}) {
    const id = (name: string) => `seg_${segments.findIndex((s) => s.name === name)}`
    return mailglyphEmulator(
      {
        segments: segments.map((s) => ({id: id(s.name), name: s.name, condition: mgCondition(s, id)})),
        campaigns: options.campaignOn ? [{id: 'cmp_live', name: 'Live campaign', audienceType: 'SEGMENT', segmentId: id(options.campaignOn), status: 'SENDING'}] : [],
      },
      {rateLimit: options.rateLimit, assumptions: {acceptMembershipOperators: true}},
    )
  },
  definition: (spec) => ({name: spec.name, condition: mgCondition(spec, (r) => ({$segment: r}))}),
  remote: (e) => new Map(mgState(e).segments.map((s) => [s.name, String(s.condition!.groups[0]!.filters[0]!.value)])),
  names: (e) => mgState(e).segments.map((s) => s.name).sort(),
  idOf: (e, name) => mgSegment(e, name).id,
  updatePath: (id) => ({method: 'PATCH', path: `/segments/${id}`}),
  createPath: {method: 'POST', path: '/segments'},
  listPath: {method: 'GET', path: '/segments'},
  edit: {
    rename: (e, name, to) => void (mgSegment(e, name).name = to),
    change: (e, name, value) => void (mgSegment(e, name).condition!.groups[0]!.filters[0]!.value = value),
    remove: (e, name) => void (mgState(e).segments = mgState(e).segments.filter((s) => s.name !== name)),
    add: (e, spec) =>
      void mgState(e).segments.push({
        id: `seg_ui_${spec.name.replace(/\W/g, '')}`,
        name: spec.name,
        description: null,
        type: 'DYNAMIC',
        condition: {logic: 'AND', groups: [{filters: [{field: 'data.tier', operator: 'equals', value: spec.value}]}]},
        trackMembership: false,
        memberCount: 0,
        projectId: mgState(e).projectId,
        createdAt: '',
        updatedAt: '',
      }),
    campaign: (e, name) =>
      void mgState(e).campaigns.push({id: 'cmp_new', name: 'New campaign', audienceType: 'SEGMENT', segmentId: mailglyphFixture.idOf(e, name), status: 'SCHEDULED'}),
  },
}

export const fixtures: VendorFixture[] = [sequenzyFixture, mailglyphFixture]
