/**
 * A segment renamed in the vendor's UI: its file names a segment the vendor no longer has, and
 * the vendor has a segment no file manages. Definitions hold no remote id, so the only honest
 * evidence is the body: a missing definition and an unmanaged segment are the same segment when
 * their bodies are equal, and only when that pairing is unique on both sides. A segment renamed
 * and edited in the same sitting is not recognised (it reads as deleted, plus an unmanaged one).
 */
import {stableStringify} from '../../util/hash.js'
import type {Definition, RemoteSegment} from '../model.js'
import type {NameOf, Provider} from '../provider.js'

export function detectRenames(missing: Definition[], unmanaged: RemoteSegment[], provider: Provider, nameOf: NameOf): Map<Definition, RemoteSegment> {
  const byBody = new Map<string, RemoteSegment[]>()
  for (const remote of unmanaged) {
    const key = stableStringify(provider.normalize(provider.toDefinition(remote, nameOf), nameOf))
    byBody.set(key, [...(byBody.get(key) ?? []), remote])
  }
  const wanted = new Map<string, Definition[]>()
  for (const def of missing) {
    const key = stableStringify(provider.normalize(def.body, nameOf))
    wanted.set(key, [...(wanted.get(key) ?? []), def])
  }
  const renames = new Map<Definition, RemoteSegment>()
  for (const [key, defs] of wanted) {
    const remotes = byBody.get(key) ?? []
    if (defs.length === 1 && remotes.length === 1) renames.set(defs[0]!, remotes[0]!)
  }
  return renames
}
