/**
 * Diff stage: what must change so the vendor matches the definitions. Compares normalised bodies
 * (provider.normalize) so server-added ids and defaults never show as changes.
 */
import type {Change, RemoteRef} from '../../generated/plan.js'
import type {NameOf, Provider} from '../../providers/provider.js'
import {fingerprint, stableStringify} from '../../util/hash.js'
import type {Definition, RemoteSegment} from '../model.js'
import {definitionDeps} from '../graph/definition-graph.js'
import {diffFields, expandFields} from './field-diff.js'
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
  const {pairs, unmatched} = matchDefinitions(definitions, remotes, provider.label)
  const changes: Change[] = []
  const unchanged: string[] = []

  for (const {definition: def, remote, renamedFrom} of pairs) {
    if (def.ensure === 'absent') {
      if (remote) changes.push(deleteChange(remote, provider, nameOf, 'ensure-absent', def))
      continue
    }
    const local = {name: def.name, ...provider.normalize(def.body, nameOf)}
    if (!remote) {
      changes.push({...base('create', def), fields: expandFields(local, provider.describe?.bind(provider)), after: {name: def.name, ...def.body}})
      continue
    }
    const current = remoteForm(remote, provider, nameOf)
    if (stableStringify(current) === stableStringify(local)) {
      unchanged.push(def.name)
      continue
    }
    changes.push({
      ...base('update', def),
      id: remote.id,
      ...(renamedFrom ? {previousName: renamedFrom} : {}),
      fields: diffFields(current, local, provider.describe?.bind(provider)),
      after: {name: def.name, ...def.body},
      fingerprint: fingerprint(current),
      before: current,
    })
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

function namesById(remotes: RemoteSegment[]): NameOf {
  const names = new Map(remotes.map((r) => [r.id, r.name]))
  return (id) => names.get(id)
}

/** The remote segment in the same normalised form as a local definition. */
export function remoteForm(remote: RemoteSegment, provider: Provider, nameOf: NameOf): Record<string, unknown> {
  return {name: remote.name, ...provider.normalize(provider.toDefinition(remote, nameOf), nameOf)}
}

function base(action: Change['action'], def: Definition): Omit<Change, 'fields'> {
  const pos = def.source.locate(['name'])
  return {
    action,
    name: def.name,
    source: {file: def.source.file, ...(pos ? {line: pos.line, column: pos.column} : {})},
    dependsOn: action === 'delete' ? [] : definitionDeps(def),
    impact: {usage: 'none', audience: false, campaigns: []},
    risks: [],
  }
}

function deleteChange(remote: RemoteSegment, provider: Provider, nameOf: NameOf, reason: 'ensure-absent' | 'prune', def?: Definition): Change {
  const start = def ? base('delete', def) : {action: 'delete' as const, name: remote.name, dependsOn: [], impact: {usage: 'none' as const, audience: false, campaigns: []}, risks: []}
  const current = remoteForm(remote, provider, nameOf)
  return {
    ...start,
    name: remote.name,
    id: remote.id,
    reason,
    fields: [],
    fingerprint: fingerprint(current),
    before: current,
    ...(provider.deletes.supported ? {} : {manual: provider.deletes.manual}),
  }
}
