import type {Rule} from './rule.js'

/** Above this many deletes (or 20% of the managed segments, if more), the count must be confirmed. */
export const MASS_DELETE_MIN = 10

/**
 * Deletes at scale are confirmed with their exact count (`--confirm-delete=N`, like Argo CD's
 * Prune=confirm), and pruning a workspace with no definitions at all — a wrong `segments` path,
 * say — is refused outright (anchors-reliability.md §7, G2/G3).
 */
export const massDelete: Rule = (change, ctx, all) => {
  if (change.action !== 'delete' || change.manual) return []
  const deletes = all.filter((c) => c.action === 'delete' && !c.manual).length
  const present = [...ctx.definitions.values()].filter((d) => d.ensure === 'present').length
  if (present === 0 && change.reason === 'prune') {
    return [{rule: 'mass-delete', level: 'block', message: 'the workspace has no definitions, so prune would delete every segment: check the "segments" path in the config'}]
  }
  const managed = [...ctx.remotesById.values()].filter((r) => !r.readOnly).length
  const threshold = Math.max(MASS_DELETE_MIN, Math.floor(managed * 0.2))
  if (deletes <= threshold) return []
  return [{rule: 'mass-delete', level: 'block', message: `${deletes} deletes in this workspace (more than ${threshold}): confirm the count`, allowFlag: `--confirm-delete=${deletes}`}]
}
