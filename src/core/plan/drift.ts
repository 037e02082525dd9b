/**
 * Drift in words, where it is honest and cheap. A vendor whose list says when each segment last
 * changed (Provider.updatedAt) gives a hint: an update whose remote changed after its definition
 * file was last committed probably reverts an edit made in the vendor's UI (a file with uncommitted
 * changes gives no hint: its diff is the local edit). One git call per such update, started as
 * soon as the diff is known, while campaign usage is still being read.
 */
import type {Change, Drift} from '../../generated/plan.js'
import type {CommitTime} from '../../util/git.js'
import type {RemoteSegment} from '../model.js'
import type {Provider} from '../provider.js'

/** By segment name: the updates whose remote changed after their file's last commit. */
export async function driftHints(changes: Change[], remotesById: ReadonlyMap<string, RemoteSegment>, provider: Provider, committedAt: CommitTime): Promise<Map<string, Drift>> {
  const hints = new Map<string, Drift>()
  if (!provider.updatedAt) return hints
  await Promise.all(
    changes.map(async (change) => {
      if (change.action !== 'update' || !change.source) return
      const remote = remotesById.get(change.id)
      const updated = remote && provider.updatedAt!(remote)
      if (!updated) return
      const committed = await committedAt(change.source.file).catch(() => undefined)
      if (committed !== undefined && Date.parse(updated) > committed * 1000) {
        hints.set(change.name, {remoteUpdatedAt: updated, fileCommittedAt: new Date(committed * 1000).toISOString()})
      }
    }),
  )
  return hints
}
