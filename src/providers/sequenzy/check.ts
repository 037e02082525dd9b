/** What the schema cannot say and Sequenzy rejects with a 400 (vendors.md §3.5). */
import type {JsonPath} from '../../core/model.js'
import type {CheckIssue, SegmentBody} from '../../core/provider.js'
import {EMPTY_CHECKS, type Group, type Node} from './conditions.js'

/** Checks the schema cannot express (Sequenzy validates them server-side). */
export function checkBody(body: SegmentBody): CheckIssue[] {
  const root = body.root as Group | undefined
  if (!root) return []
  const issues: CheckIssue[] = []
  let leaves = 0
  // One path, extended and cut back as the walk goes; copied only for an issue (validate walks every definition).
  const path: JsonPath = ['root']
  const walk = (node: Node) => {
    if (node.kind === 'group') {
      node.children.forEach((c, i) => {
        path.push('children', i)
        walk(c)
        path.length -= 2
      })
      return
    }
    leaves++
    const needsValue = !EMPTY_CHECKS.has(node.operator) || node.field === 'attribute'
    if (needsValue && (node.value === undefined || node.value === '')) {
      issues.push({path: [...path, 'operator'], message: `value is required for ${node.field} filters with operator ${JSON.stringify(node.operator)}`, hint: 'Only is_empty and is_not_empty take no value.'})
    }
  }
  walk(root)
  if (leaves === 0) issues.push({path: ['root'], message: 'root must contain at least one filter', hint: 'Sequenzy rejects segments without a filter.'})
  return issues
}
