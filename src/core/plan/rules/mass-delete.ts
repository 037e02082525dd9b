import type {Change} from '../../../generated/plan.js'
import type {Rule, RuleContext} from './rule.js'

/** Above this many deletes (or 20% of the managed segments, if more), the count must be confirmed. */
export const MASS_DELETE_MIN = 10

/**
 * Deletes at scale are confirmed with their exact count (`--confirm-delete=N`, like Argo CD's
 * Prune=confirm), and pruning a workspace with no definitions at all — a wrong `segments` path,
 * say — is refused outright (anchors-reliability.md §7, G2/G3).
 */
export const massDelete: Rule = (change, ctx, all) => {
  if (change.action !== 'delete' || change.manual) return []
  const {deletes, present, managed} = counted(ctx, all)
  if (present === 0 && change.reason === 'prune') {
    return [{rule: 'mass-delete', level: 'block', message: 'the workspace has no definitions, so prune would delete every segment: check the "segments" path in the config'}]
  }
  const threshold = Math.max(MASS_DELETE_MIN, Math.floor(managed * 0.2))
  if (deletes <= threshold) return []
  return [{rule: 'mass-delete', level: 'block', message: `${deletes} deletes in this workspace (more than ${threshold}): confirm the count`, allowFlag: `--confirm-delete=${deletes}`}]
}

const counts = new WeakMap<Change[], {deletes: number; present: number; managed: number}>()

/** The counts the rule compares, taken once per plan (not once per delete: a prune of thousands). */
function counted(ctx: RuleContext, all: Change[]): {deletes: number; present: number; managed: number} {
  let found = counts.get(all)
  if (!found) {
    let present = 0
    for (const d of ctx.definitions.values()) if (d.ensure === 'present') present++
    let managed = 0
    for (const r of ctx.remotesById.values()) if (!r.readOnly) managed++
    counts.set(all, (found = {deletes: all.filter((c) => c.action === 'delete' && !c.manual).length, present, managed}))
  }
  return found
}
