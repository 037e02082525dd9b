/**
 * A verdict's explanation in one line: the condition tree with the value each node had for the
 * profile, e.g. `AND(status is active ✓, tag contains vip ✓)`; a condition the evaluator cannot
 * decide offline reads `? (not evaluable: …)`.
 */
import type {Explained} from '../provider.js'

const MARK = {true: '✓', false: '✗', unknown: '?'} as const

export function explain(node: Explained): string {
  if (node.children) {
    const inner = node.children.map(explain).join(', ')
    return node.join === 'NOT' ? `NOT(${inner}) ${mark(node)}` : `${node.join ?? node.text}(${inner})`
  }
  return `${node.text} ${mark(node)}${node.value === 'unknown' && node.because ? ` (not evaluable: ${node.because})` : ''}`
}

function mark(node: Explained): string {
  return MARK[String(node.value) as keyof typeof MARK]
}

/** Every condition the evaluator could not decide and that left the verdict open, for the message of a skipped result. */
export function undecided(node: Explained): string[] {
  // A decided node (true OR unknown) does not wait on its undecided children: they are not why a result is skipped.
  if (node.value !== 'unknown') return []
  if (node.children) return [...new Set(node.children.flatMap(undecided))]
  return node.value === 'unknown' ? [`${node.text}${node.because ? `: ${node.because}` : ''}`] : []
}
