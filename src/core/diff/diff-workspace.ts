/**
 * Diff stage: what must change so the vendor matches the definitions. Compares normalised bodies
 * (provider.normalize) so server-added ids and defaults never show as changes. An update records,
 * once, which top-level fields it changes: impact and apply read that list, never a path string.
 */
import type {Change, CreateChange, DeleteChange, RemoteRef, Source, UpdateChange} from '../../generated/plan.js'
import {fingerprint, sameJson} from '../../util/hash.js'
import type {Definition, RemoteSegment} from '../model.js'
import type {NameOf, Provider, SegmentBody} from '../provider.js'
import {definitionDeps} from '../graph/definition-graph.js'
import {changedFields, diffFields, expandFields, type Describe} from './field-diff.js'
import {matchDefinitions} from './match.js'

export interface WorkspaceDiff {
  changes: Change[]
  unchanged: string[]
  unmanaged: RemoteRef[]
  readOnly: RemoteRef[]
}

export interface DiffInput {
  definitions: Definition[]
  remotes: RemoteSegment[]
  provider: Provider
  prune: boolean
  /** Remote name by id, when the caller has the index already. */
  nameOf?: NameOf
}

export function diffWorkspace({definitions, remotes, provider, prune, ...input}: DiffInput): WorkspaceDiff {
  const nameOf: NameOf = input.nameOf ?? namesById(remotes)
  const describe: Describe = (edit) => provider.describe?.(edit)
  const {pairs, unmatched} = matchDefinitions(definitions, remotes, provider.label)
  const changes: Change[] = []
  const unchanged: string[] = []

  for (const {definition: def, remote, renamedFrom} of pairs) {
    if (def.ensure === 'absent') {
      if (remote) changes.push(deleteChange(remote, provider, nameOf, 'ensure-absent', def))
      continue
    }
    if (!remote) {
      changes.push(createChange(def, {name: def.name, ...provider.normalize(def.body, nameOf)}, describe))
      continue
    }
    // Nearly every managed segment is unchanged. Where the vendor holds the body as the file
    // writes it (asWritten), or reads back as it without being mapped (readsAs), that is seen
    // without mapping the segment; elsewhere its body read back is the file's body as written:
    // the same JSON normalises alike, so neither side is normalised.
    const sameName = remote.name === def.name
    if (sameName && provider.asWritten && writtenAsIs(remote.raw, def.body, provider.asWritten)) {
      unchanged.push(def.name)
      continue
    }
    if (sameName && provider.readsAs?.(remote, def.body, nameOf)) {
      unchanged.push(def.name)
      continue
    }
    const read = provider.toDefinition(remote, nameOf)
    if (sameName && sameJson(read, def.body)) {
      unchanged.push(def.name)
      continue
    }
    const local = {name: def.name, ...provider.normalize(def.body, nameOf)}
    const current = remoteForm(remote, provider, nameOf, read)
    if (sameJson(current, local)) {
      unchanged.push(def.name)
      continue
    }
    changes.push(updateChange(def, remote, renamedFrom, current, local, describe))
  }

  const unmanaged: RemoteRef[] = []
  const readOnly: RemoteRef[] = []
  for (const remote of unmatched) {
    if (remote.readOnly) readOnly.push({id: remote.id, name: remote.name, note: remote.readOnly})
    else if (prune) changes.push(deleteChange(remote, provider, nameOf, 'prune'))
    else unmanaged.push({id: remote.id, name: remote.name})
  }
  return {changes, unchanged, unmanaged, readOnly}
}

/** The vendor's segment holds each of `fields` as `body` writes it, or its value for "none" where `body` has none, and `body` has no other field (Provider.asWritten). */
export function writtenAsIs(raw: unknown, body: SegmentBody, fields: Readonly<Record<string, unknown>>): boolean {
  if (typeof raw !== 'object' || raw === null) return false
  for (const key in body) if (!Object.hasOwn(fields, key)) return false
  const held = raw as Record<string, unknown>
  for (const key in fields) {
    const wanted = body[key]
    const value = held[key]
    if (wanted === undefined ? value !== undefined && value !== fields[key] : !sameJson(value, wanted)) return false
  }
  return true
}

function namesById(remotes: RemoteSegment[]): NameOf {
  const names = new Map(remotes.map((r) => [r.id, r.name]))
  return (id) => names.get(id)
}

/** The remote segment in the same normalised form as a local definition: `{name, ...body}`. */
export function remoteForm(remote: RemoteSegment, provider: Provider, nameOf: NameOf, read = provider.toDefinition(remote, nameOf)): SegmentBody & {name: string} {
  return {name: remote.name, ...provider.normalize(read, nameOf)}
}

function createChange(def: Definition, local: SegmentBody, describe: Describe): CreateChange {
  return {action: 'create', name: def.name, source: sourceOf(def), fields: expandFields(local, describe), after: def.body, dependsOn: definitionDeps(def), impact: noImpact(), audience: notCounted('create'), risks: []}
}

function updateChange(def: Definition, remote: RemoteSegment, renamedFrom: string | undefined, current: SegmentBody & {name: string}, local: SegmentBody & {name: string}, describe: Describe): UpdateChange {
  const {name: _name, ...before} = current
  const {name: _localName, ...afterNormalized} = local
  return {
    action: 'update',
    name: def.name,
    id: remote.id,
    ...(renamedFrom ? {previousName: renamedFrom} : {}),
    source: sourceOf(def),
    fields: diffFields(current, local, describe),
    changed: changedFields(current, local),
    after: def.body,
    before,
    afterNormalized,
    fingerprint: fingerprint(current),
    dependsOn: definitionDeps(def),
    impact: noImpact(),
    audience: notCounted('update'),
    risks: [],
  }
}

function deleteChange(remote: RemoteSegment, provider: Provider, nameOf: NameOf, reason: DeleteChange['reason'], def?: Definition): DeleteChange {
  const {name: _name, ...before} = remoteForm(remote, provider, nameOf)
  return {
    action: 'delete',
    name: remote.name,
    id: remote.id,
    reason,
    ...(def ? {source: sourceOf(def)} : {}),
    fields: [],
    before,
    fingerprint: fingerprint({name: remote.name, ...before}),
    dependsOn: [],
    impact: noImpact(),
    audience: notCounted('delete'),
    risks: [],
    ...(provider.deletes.supported ? {} : {manual: provider.deletes.manual}),
  }
}

export function sourceOf(def: Definition): Source {
  const pos = def.source.locate(['name'])
  return {file: def.source.file, ...(pos ? {line: pos.line, column: pos.column} : {})}
}

/** Until the counts are read (plan/audience.ts): nothing known. */
function notCounted(action: Change['action']): Change['audience'] {
  return {current: null, proposed: action === 'delete' ? 0 : null, source: 'not read'}
}

function noImpact(): Change['impact'] {
  return {usage: 'none', audience: false, campaigns: []}
}
