import type {Rule} from './rule.js'

/** Segments segsync only lists (e.g. static ones) are never modified. */
export const readOnly: Rule = (change, ctx) => {
  const remote = change.action === 'create' ? undefined : ctx.remotesById.get(change.id)
  if (!remote?.readOnly) return []
  return [{rule: 'read-only', level: 'block', message: `${JSON.stringify(remote.name)} cannot be ${change.action === 'delete' ? 'deleted' : 'changed'} by segsync: ${remote.readOnly}`}]
}
