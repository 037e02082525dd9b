/**
 * Pull stage: which definition files must change so that they say what the vendor has, and into
 * what (pure: definitions and remote segments in, entries out). The new body is the provider's own
 * `toDefinition` (what import writes), in the file's order where order carries no meaning; the
 * words for what changes are the plan's (`diffFields` with the provider's `describe`), read from the
 * file's side: "adds filter …" means the file gains it. Writing the files is another's job.
 */
import type {FieldChange} from '../../generated/plan.js'
import {COMMON_FIELDS} from '../../generated/common.js'
import {stableStringify} from '../../util/hash.js'
import type {Definition, RemoteSegment} from '../model.js'
import type {NameOf, Provider} from '../provider.js'
import {changedFields, diffFields} from '../diff/field-diff.js'
import {matchDefinitions} from '../diff/match.js'
import {alignToFile} from './align.js'
import {detectRenames} from './renames.js'

export type PullStatus = 'updated' | 'unchanged' | 'skipped' | 'refused'

export interface PullEntry {
  /** The definition file (relative to the working directory); null for a remote segment no file manages. */
  file: string | null
  /** The segment's name after the pull. */
  segment: string
  /** Remote id, when the vendor has the segment. */
  id?: string
  status: PullStatus
  reason?: string
  /** The name the file had, when the segment was renamed in the vendor. */
  previousName?: string
  /** What changes in the file, in the plan's words. */
  fields?: FieldChange[]
  edit?: FileEdit
}

/** How one definition file changes: its top-level keys, before and after (after undefined: the key goes). */
export interface FileEdit {
  kind: 'json' | 'ts'
  keys: Array<{key: string; before: unknown; after: unknown}>
  /** Key order of a file written from scratch: where an added key belongs. */
  order: string[]
  /** The whole definition after the pull (shown for a file that cannot be rewritten). */
  definition: Record<string, unknown>
}

export interface PullInput {
  provider: Provider
  definitions: Definition[]
  remotes: RemoteSegment[]
  /** Only segments whose name (in the file or in the vendor) matches. */
  nameFilter?: (name: string) => boolean
}

export function planPull({provider, definitions, remotes, nameFilter}: PullInput): PullEntry[] {
  const remoteName = new Map(remotes.map((r) => [r.id, r.name]))
  const {pairs, unmatched} = matchDefinitions(definitions, remotes, provider.label)
  const missing = pairs.filter((p) => !p.remote && p.definition.ensure === 'present').map((p) => p.definition)
  const renames = detectRenames(missing, unmatched.filter((r) => !r.readOnly), provider, (id) => remoteName.get(id))

  // Every segment by the name its file will carry: a rename made in the UI is taken over, a rename
  // the file asks for (renamedFrom, not applied yet) is kept.
  const finalName = new Map(remoteName)
  for (const p of pairs) if (p.remote && p.renamedFrom) finalName.set(p.remote.id, p.definition.name)
  const renamedTo = new Map<string, string>()
  for (const [def, remote] of renames) renamedTo.set(def.name, remote.name)
  const nameOf: NameOf = (id) => finalName.get(id)

  const wanted = (...names: Array<string | undefined>) => !nameFilter || names.some((n) => n !== undefined && nameFilter(n))
  const entries: PullEntry[] = []
  for (const {definition: def, remote: matched, renamedFrom} of pairs) {
    const remote = matched ?? renames.get(def)
    if (!wanted(def.name, remote?.name)) continue
    const base = {file: def.source.file, segment: def.name, ...(remote ? {id: remote.id} : {})}
    if (def.ensure === 'absent') {
      entries.push({...base, status: 'skipped', reason: "ensure: 'absent' (the file asks apply to delete this segment); pull leaves it alone"})
    } else if (!remote) {
      entries.push({...base, status: 'skipped', reason: `not found in ${provider.label}: deleted there, or not created yet. The file stays: delete it (or mark it ensure: 'absent') if the deletion is meant, or run apply to create it`})
    } else if (remote.readOnly) {
      entries.push({...base, status: 'skipped', reason: `read-only in ${provider.label}: ${remote.readOnly}`})
    } else {
      entries.push(pullOne(def, remote, {provider, nameOf, uiRename: renames.has(def), pendingRename: renamedFrom !== undefined, renamedTo}))
    }
  }
  const renamedRemotes = new Set(renames.values())
  for (const remote of unmatched) {
    if (renamedRemotes.has(remote) || !wanted(remote.name)) continue
    const reason = remote.readOnly ? `read-only in ${provider.label}: ${remote.readOnly}` : 'unmanaged: no definition file manages it (`segsync import` writes one)'
    entries.push({file: null, segment: remote.name, id: remote.id, status: 'skipped', reason})
  }
  return entries
}

interface PullContext {
  provider: Provider
  nameOf: NameOf
  /** The vendor renamed this segment: the file takes the new name and keeps the old one in renamedFrom. */
  uiRename: boolean
  /** The file renames the segment (renamedFrom) and apply has not yet: the file's name stays. */
  pendingRename: boolean
  /** Old name → new name of every segment renamed in the vendor (for dependsOn). */
  renamedTo: ReadonlyMap<string, string>
}

function pullOne(def: Definition, remote: RemoteSegment, ctx: PullContext): PullEntry {
  const {provider, nameOf} = ctx
  const remoteBody = provider.toDefinition(remote, nameOf)
  const local = provider.normalize(def.body, nameOf)
  const current = provider.normalize(remoteBody, nameOf)
  const name = ctx.pendingRename ? def.name : remote.name
  const renamedFrom = name === def.name ? def.renamedFrom : [...def.renamedFrom.filter((n) => n !== name), ...(def.renamedFrom.includes(def.name) ? [] : [def.name])]
  const dependsOn = def.dependsOn.map((n) => ctx.renamedTo.get(n) ?? n)
  const bodyKeys = changedFields(local, current)
  const base = {file: def.source.file, segment: name, id: remote.id}
  if (bodyKeys.length === 0 && name === def.name && stableStringify(dependsOn) === stableStringify(def.dependsOn)) return {...base, status: 'unchanged'}

  const body = alignToFile(def.body, remoteBody, provider, nameOf)
  const keys: FileEdit['keys'] = bodyKeys.map((key) => ({key, before: def.body[key], after: body[key]}))
  const fields = diffFields({name: def.name, ...local}, {name, ...current}, (edit) => provider.describe?.(edit))
  if (name !== def.name) {
    keys.unshift({key: 'name', before: def.name, after: name}, {key: 'renamedFrom', before: def.renamedFrom.length ? def.renamedFrom : undefined, after: renamedFrom})
    fields.push({path: 'renamedFrom', kind: 'add', after: def.name, text: `keeps ${JSON.stringify(def.name)} in renamedFrom`})
  }
  if (stableStringify(dependsOn) !== stableStringify(def.dependsOn)) {
    keys.push({key: 'dependsOn', before: def.dependsOn, after: dependsOn})
    for (const [from, to] of ctx.renamedTo) {
      if (def.dependsOn.includes(from)) fields.push({path: 'dependsOn', kind: 'change', before: from, after: to, text: `dependsOn ${JSON.stringify(from)} is now ${JSON.stringify(to)} (renamed in ${provider.label})`})
    }
  }
  const common: Record<string, unknown> = {
    name,
    ...(renamedFrom.length ? {renamedFrom} : {}),
    ...(dependsOn.length ? {dependsOn} : {}),
    ...(def.protected ? {protected: true} : {}),
  }
  return {
    ...base,
    status: 'updated',
    ...(name !== def.name ? {previousName: def.name} : {}),
    fields,
    edit: {kind: def.source.kind, keys, order: [...COMMON_FIELDS.filter((k) => k !== 'ensure'), ...Object.keys(body)], definition: {...common, ...body}},
  }
}
