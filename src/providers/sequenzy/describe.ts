/**
 * A change in the normalised Sequenzy tree (mapping.ts \`normalizeBody\`) in words for reviewers:
 * "adds filter \`emailOpened at_least 2:30d\`", "join in group #1 changes from and to or".
 */
import type {JsonPath} from '../../core/model.js'
import type {FieldEdit} from '../../core/provider.js'
import {leafText, type Leaf} from './conditions.js'

/** Words for a change in the normalised tree. */
export function describeChange(change: FieldEdit): string | undefined {
  const {path, kind} = change
  const last = path[path.length - 1]
  const inGroup = groupLabel(path.slice(0, -2))
  if (last === 'joinOperator') {
    return kind === 'add' ? `joins conditions${inGroup} with ${String(change.after)}` : `join${inGroup} changes from ${String(change.before)} to ${String(change.after)}`
  }
  if (path[path.length - 2] === 'children') {
    const node = (kind === 'remove' ? change.before : change.after) as Record<string, unknown>
    const verb = kind === 'remove' ? 'removes' : 'adds'
    if (node && 'children' in node) return `${verb} a nested ${String(node.joinOperator)} group${inGroup} with ${Object.keys(node.children as object).length} condition(s)`
    return `${verb} filter \`${leafText(node as unknown as Leaf)}\`${inGroup}`
  }
  return undefined
}

function groupLabel(path: JsonPath): string {
  const groups = path.filter((p) => typeof p === 'string' && p.startsWith('group #'))
  return groups.length ? ` in ${groups.join(' > ')}` : ''
}
