/**
 * What the reliability matrix needs to know about a vendor: how to seed its emulator, write a
 * definition, read the remote back, aim a fault at one segment's write, and edit the remote "in
 * the vendor UI". One fixture per provider; every row runs against each fixture.
 */
import type {RunningEmulator} from '../../src/emulators/shared/server.js'
import type {SequenzyState} from '../../src/emulators/sequenzy/state.js'
import {sequenzyEmulator, TEST_KEY} from '../helpers/emulators.js'

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

export const fixtures: VendorFixture[] = [sequenzyFixture]
