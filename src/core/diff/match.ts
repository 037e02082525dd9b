/**
 * Match definitions to remote segments: by name first, then by a name in `renamedFrom` (a
 * rename is an update). Two remote segments with a managed name cannot be told apart: that stops
 * the plan with both ids.
 *
 * One pass over the remote segments, each looked up in the definitions' name index (built once
 * per set of definitions, and by the plan while the vendor answers: `definitionsByName`). Only
 * the segments no definition names are indexed by name, and only when a definition looks for an
 * old name. A plan over 5,000 managed segments matched them in a third of the map operations of
 * indexing every remote segment by name first.
 */
import {SegsyncError} from '../../errors.js'
import type {Definition, RemoteSegment} from '../model.js'
import {perArray} from '../../util/per-array.js'

export interface Pair {
  definition: Definition
  remote?: RemoteSegment
  /** The remote name this definition takes over (renamedFrom). */
  renamedFrom?: string
}

export interface MatchResult {
  pairs: Pair[]
  /** Remote segments no definition manages. */
  unmatched: RemoteSegment[]
}

export class AmbiguousRemoteError extends SegsyncError {}

/**
 * Each name's position in `definitions` (the first, should a name repeat), built once per array
 * (validate builds it; nothing changes it after): the diff and the plan's rules both look
 * definitions up by name. An array whose length changed is indexed again.
 */
export const definitionsByName = perArray((definitions: readonly Definition[]): ReadonlyMap<string, number> => {
  const byName = new Map<string, number>()
  for (let i = 0; i < definitions.length; i++) if (!byName.has(definitions[i]!.name)) byName.set(definitions[i]!.name, i)
  return byName
})

export function matchDefinitions(definitions: Definition[], remotes: RemoteSegment[], vendor: string): MatchResult {
  const index = definitionsByName(definitions)
  const remoteOf = new Array<RemoteSegment | undefined>(definitions.length)
  const unnamed: RemoteSegment[] = []
  for (const r of remotes) {
    const i = index.get(r.name)
    if (i === undefined) unnamed.push(r)
    else if (remoteOf[i]) throw ambiguous(r.name, remotes, vendor)
    else remoteOf[i] = r
  }
  const pairs: Pair[] = definitions.map((definition, i) => (remoteOf[i] && index.get(definition.name) === i ? {definition, remote: remoteOf[i]} : {definition}))
  // Exact names first, so a rename never takes a segment another definition names.
  const renames = pairs.filter((p) => !p.remote && p.definition.ensure !== 'absent' && p.definition.renamedFrom.length > 0)
  if (renames.length === 0) return {pairs, unmatched: unnamed}
  const byOldName = new Map<string, RemoteSegment | null>()
  for (const r of unnamed) byOldName.set(r.name, byOldName.has(r.name) ? null : r)
  const taken = new Set<RemoteSegment>()
  for (const pair of renames) {
    for (const old of pair.definition.renamedFrom) {
      const remote = byOldName.get(old)
      if (remote === null) throw ambiguous(old, remotes, vendor)
      if (!remote || taken.has(remote)) continue
      taken.add(remote)
      pair.remote = remote
      pair.renamedFrom = old
      break
    }
  }
  return {pairs, unmatched: unnamed.filter((r) => !taken.has(r))}
}

function ambiguous(name: string, remotes: RemoteSegment[], vendor: string): AmbiguousRemoteError {
  const found = remotes.filter((r) => r.name === name)
  return new AmbiguousRemoteError(
    `${found.length} ${vendor} segments are named ${JSON.stringify(name)} (ids ${found.map((r) => r.id).sort().join(', ')}); segsync cannot tell which one the definition manages`,
    `Rename or delete the extra ones in ${vendor}, then run again.`,
  )
}
