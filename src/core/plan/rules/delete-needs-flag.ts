import type {Rule} from './rule.js'

/** Deletes happen only with `apply --allow-delete`. Manual deletes (no API) are never run. */
export const deleteNeedsFlag: Rule = (change) => {
  if (change.action !== 'delete' || change.manual) return []
  const why = change.reason === 'prune' ? 'no definition manages it and the workspace sets prune: true' : "its definition says ensure: 'absent'"
  return [{rule: 'delete', level: 'block', message: `deletes ${JSON.stringify(change.name)}: ${why}`, allowFlag: '--allow-delete'}]
}
