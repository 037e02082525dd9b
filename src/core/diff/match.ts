/**
 * Match definitions to remote segments: by name first, then by a name in `renamedFrom` (a
 * rename is an update). Two remote segments with a managed name cannot be told apart: that stops
 * the plan with both ids.
 */
import {SegsyncError} from '../../errors.js'
import type {Definition, RemoteSegment} from '../model.js'

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

export function matchDefinitions(definitions: Definition[], remotes: RemoteSegment[], vendor: string): MatchResult {
  // One entry per name; a list only for names that more than one remote segment carries.
  const byName = new Map<string, RemoteSegment>()
  const shared = new Map<string, RemoteSegment[]>()
  for (const r of remotes) {
    const first = byName.get(r.name)
    if (!first) byName.set(r.name, r)
    else shared.set(r.name, [...(shared.get(r.name) ?? [first]), r])
  }
  const taken = new Set<RemoteSegment>()
  const pick = (name: string): RemoteSegment | undefined => {
    const found = shared.get(name)
    if (found) {
      throw new AmbiguousRemoteError(
        `${found.length} ${vendor} segments are named ${JSON.stringify(name)} (ids ${found.map((r) => r.id).sort().join(', ')}); segsync cannot tell which one the definition manages`,
        `Rename or delete the extra ones in ${vendor}, then run again.`,
      )
    }
    const single = byName.get(name)
    return single && !taken.has(single) ? single : undefined
  }
  // Exact names first, so a rename never steals a segment another definition names.
  const pairs: Pair[] = definitions.map((definition) => {
    const remote = pick(definition.name)
    if (!remote) return {definition}
    taken.add(remote)
    return {definition, remote}
  })
  for (const pair of pairs) {
    if (pair.remote || pair.definition.ensure === 'absent') continue
    for (const old of pair.definition.renamedFrom) {
      const remote = pick(old)
      if (remote) {
        taken.add(remote)
        pair.remote = remote
        pair.renamedFrom = old
        break
      }
    }
  }
  return {pairs, unmatched: remotes.filter((r) => !taken.has(r))}
}
