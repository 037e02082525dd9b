/**
 * After a write whose answer segsync cannot trust (UncertainWriteError), the vendor is read again
 * to say what landed. The change stays "uncertain" either way (the answer was wrong, so the next
 * run re-plans from what is there); this only tells people where things stand.
 */
import {stableStringify} from '../../util/hash.js'
import type {Change} from '../../generated/plan.js'
import type {RemoteSegment} from '../model.js'
import type {Provider, ProviderClient, SegmentBody} from '../provider.js'

export async function whatLanded(change: Change, body: SegmentBody | undefined, client: ProviderClient, provider: Provider): Promise<string> {
  let remotes: RemoteSegment[]
  try {
    remotes = await client.listSegments()
  } catch (error) {
    return `reading ${provider.label} again to see what landed failed too (${error instanceof Error ? error.message : String(error)})`
  }
  if (change.action === 'create') {
    const landed = remotes.filter((r) => r.name === change.name)
    if (landed.length === 0) return 'a re-read shows it did not land'
    if (landed.length > 1) return `a re-read shows ${landed.length} segments with this name (ids ${landed.map((r) => r.id).join(', ')})`
    return `a re-read shows it landed as ${landed[0]!.id}`
  }
  const now = remotes.find((r) => r.id === change.id)
  if (change.action === 'delete') return now ? 'a re-read shows it is still there' : 'a re-read shows it is gone'
  if (!now) return 'a re-read no longer finds the segment'
  const names = new Map(remotes.map((r) => [r.id, r.name]))
  const nameOf = (id: string) => names.get(id)
  const current = {name: now.name, ...provider.normalize(provider.toDefinition(now, nameOf), nameOf)}
  const desired = {name: change.name, ...provider.normalize(body ?? {}, nameOf)}
  return stableStringify(current) === stableStringify(desired) ? 'a re-read shows the update landed' : 'a re-read shows the segment does not match the definition yet'
}
