import type {Rule} from './rule.js'

/** Deleting a segment that a remaining segment references would break that segment. */
export const referencedDelete: Rule = (change, ctx, all) => {
  if (change.action !== 'delete') return []
  const deleted = new Set(all.filter((c) => c.action === 'delete').map((c) => c.name))
  const users = [...(ctx.referencedBy.get(change.name) ?? [])].filter((n) => !deleted.has(n)).sort()
  if (users.length === 0) return []
  return [{rule: 'referenced', level: 'block', message: `${JSON.stringify(change.name)} is still referenced by ${users.map((u) => JSON.stringify(u)).join(', ')}: change or delete those first`}]
}
