/**
 * A small provider for the pure core tests: a vendor of our own whose body is a set of rules (order
 * carries no meaning), optional references to other segments (`uses`) and a cosmetic `note`. Its
 * client keeps segments in memory and records every write, so apply runs without HTTP.
 */
import {keyed} from '../../src/core/diff/keyed.js'
import {isSegmentRef} from '../../src/core/graph/references.js'
import {group, leaf, undecidable} from '../../src/providers/kit/truth.js'
import type {CampaignUsage, Definition, RemoteSegment} from '../../src/core/model.js'
import type {NameOf, Provider, ProviderClient, ProviderId, SegmentBody, SegmentWrite} from '../../src/core/provider.js'

/** A remote segment as the fake vendor stores it. */
export interface FakeRaw {
  id: string
  name: string
  rules: string[]
  /** Ids of the segments it selects on. */
  uses?: string[]
  note?: string
}

export const fake = {
  // Not a real vendor id: the core never branches on it.
  id: 'fake' as ProviderId,
  label: 'Fake',
  schema: '../test/fixtures/fake-segment.schema.json',
  defaults: {endpoint: 'https://fake.invalid', apiKeyEnv: 'FAKE_API_KEY'},
  deletes: {supported: true},
  cosmeticFields: ['name', 'note'],
  check: (body) => ((body.rules as string[] | undefined)?.length === 0 ? [{path: ['rules'], message: 'a segment needs at least one rule'}] : []),
  toDefinition: (remote, nameOf) => {
    const raw = remote.raw as FakeRaw
    return {rules: [...raw.rules], ...(raw.uses?.length ? {uses: raw.uses.map((id) => (nameOf(id) !== undefined ? {$segment: nameOf(id)} : id))} : {}), ...(raw.note ? {note: raw.note} : {})}
  },
  remoteReferences: (remote) => (remote.raw as FakeRaw).uses ?? [],
  normalize: (body, nameOf) => ({
    rules: keyed((body.rules as string[] | undefined) ?? [], (r) => r),
    ...(Array.isArray(body.uses) && body.uses.length ? {uses: keyed(body.uses.map((u) => usedName(u, nameOf)), (n) => n)} : {}),
    ...(typeof body.note === 'string' && body.note !== '' ? {note: body.note} : {}),
  }),
  describe: ({path, kind}) => (path.length === 2 && path[0] === 'rules' && kind !== 'change' ? `${kind === 'add' ? 'adds' : 'removes'} rule \`${String(path[1])}\`` : undefined),
  // A rule `k=v` holds when the profile's k is v; a profile without k cannot decide it.
  evaluation: {
    supported: true,
    profileSchema: '../test/fixtures/fake-segment.schema.json',
    testSchema: '../test/fixtures/fake-segtest.schema.json',
    evaluate: (body, profile, ctx) =>
      group('AND', [
        ...((body.rules as string[] | undefined) ?? []).map((rule) => {
          const [k, v] = rule.split('=') as [string, string]
          return profile[k] === undefined ? undecidable(rule, `the profile has no ${k}`) : leaf(rule, JSON.stringify(profile[k]) === JSON.stringify(v) || profile[k] === v)
        }),
        ...((body.uses as unknown[] | undefined) ?? []).map((ref) => ctx.inSegment(ref) ?? undecidable('in an unknown segment', 'no such segment')),
      ]),
  },
  connect: async () => {
    throw new Error('the fake provider has no network client: use fakeClient()')
  },
} satisfies Provider

function usedName(used: unknown, nameOf: NameOf): string {
  if (isSegmentRef(used)) return used.$segment
  return nameOf(String(used)) ?? String(used)
}

/** A remote segment of the fake vendor. */
export function fakeRemote(id: string, name: string, rules: string[], extra: Partial<Omit<FakeRaw, 'id' | 'name' | 'rules'>> = {}): RemoteSegment {
  return {id, name, raw: {id, name, rules, ...extra}}
}

/** A definition for the fake vendor (`uses` by name become `{ $segment }` references). */
export function fakeDefinition(name: string, rules: string[], extra: Partial<Omit<Definition, 'name' | 'body'>> & {uses?: string[]; note?: string} = {}): Definition {
  const {uses, note, ...common} = extra
  return {
    name,
    renamedFrom: [],
    dependsOn: [],
    protected: false,
    ensure: 'present',
    body: {rules, ...(uses ? {uses: uses.map((n) => ({$segment: n}))} : {}), ...(note !== undefined ? {note} : {})},
    source: {file: `segments/${name}.json`, kind: 'json', locate: () => ({line: 2, column: 11})},
    ...common,
  }
}

export function fakeAbsent(name: string, extra: Partial<Definition> = {}): Definition {
  return {...fakeDefinition(name, []), body: {}, ensure: 'absent', ...extra}
}

export interface FakeClient extends ProviderClient {
  segments: Map<string, FakeRaw>
  writes: Array<{op: 'create' | 'update' | 'delete'; id: string; body?: SegmentBody; write?: SegmentWrite}>
}

/** An in-memory client: creates get ids fake_1, fake_2…; `fail` names segments whose write throws. */
export function fakeClient(remotes: RemoteSegment[] = [], options: {usage?: CampaignUsage; fail?: string[]} = {}): FakeClient {
  const segments = new Map(remotes.map((r) => [r.id, {...(r.raw as FakeRaw)}]))
  const writes: FakeClient['writes'] = []
  let next = 0
  const toRemote = (raw: FakeRaw): RemoteSegment => ({id: raw.id, name: raw.name, raw})
  const failing = (name: string) => {
    if (options.fail?.includes(name)) throw new Error(`the fake vendor refused ${name}`)
  }
  return {
    segments,
    writes,
    listSegments: async () => [...segments.values()].map(toRemote),
    campaignUsage: async () => options.usage ?? {known: true, users: [], read: 0},
    async create(name, body) {
      failing(name)
      const raw: FakeRaw = {id: `fake_${++next}`, name, rules: body.rules as string[], ...(body.uses ? {uses: body.uses as string[]} : {}), ...(body.note ? {note: body.note as string} : {})}
      segments.set(raw.id, raw)
      writes.push({op: 'create', id: raw.id, body})
      return toRemote(raw)
    },
    async update(remote, write) {
      failing(write.desired.name)
      const raw: FakeRaw = {...segments.get(remote.id)!}
      for (const field of write.changed) (raw as unknown as Record<string, unknown>)[field] = write.desired[field]
      for (const field of write.cleared) delete (raw as unknown as Record<string, unknown>)[field]
      segments.set(remote.id, raw)
      writes.push({op: 'update', id: remote.id, write})
      return toRemote(raw)
    },
    async delete(remote) {
      failing(remote.name)
      segments.delete(remote.id)
      writes.push({op: 'delete', id: remote.id})
    },
    doctor: async () => [{id: 'segments-list', title: 'Segment list', status: 'pass', message: `${segments.size} segments`, basis: 'the fake vendor'}],
    stats: () => ({requests: writes.length, retries: 0, rateLimited: 0}),
    close: async () => undefined,
  }
}
