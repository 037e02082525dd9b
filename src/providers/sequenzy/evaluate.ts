/**
 * Who is in a Sequenzy segment (seed 002, vendors.md §3.5): the v2 `root` tree (groups joined by
 * `and`/`or`, nested to any depth) or the legacy `filters` + `filterJoinOperator`, each filter
 * checked against one subscriber. `segment is/is_not` is the other segment's own verdict
 * (ctx.inSegment). Stripe, commerce and poll filters read data a profile has no place for: they
 * are not evaluable, never guessed. Open points: semantics.ts. Shared by `segsync test` and the
 * emulator's /count.
 */
import type {Explained, EvaluationContext, SegmentBody} from '../../core/provider.js'
import {isSegmentRef} from '../../core/graph/references.js'
import type {SequenzyProfile} from '../../generated/sequenzy-profile.js'
import {group, leaf, negation, undecidable} from '../kit/truth.js'
import {leafText, type Group, type Leaf, type Node} from './conditions.js'
import {activityFields} from './evaluate-activity.js'
import {attribute} from './evaluate-attribute.js'
import {subscriberFields} from './evaluate-subscriber.js'
import type {FieldCheck} from './verdict.js'

const FIELDS: Record<string, FieldCheck> = {...subscriberFields, ...activityFields, attribute}

/** Fields whose data a profile cannot carry, and what they would need. */
const NOT_ON_A_PROFILE: Record<string, string> = {
  pollResponse: 'poll and NPS answers are not part of a profile',
  stripeProduct: 'Stripe payments are not part of a profile',
  stripeCurrentProduct: 'Stripe subscriptions are not part of a profile',
  stripeTrialProduct: 'Stripe trials are not part of a profile',
  commerceProduct: 'commerce orders are not part of a profile',
  commerceCollection: 'commerce orders and store collections are not part of a profile',
}

/** semantics.negativesAreComplements: the negative operators and the positive one each one negates. */
const COMPLEMENT: Record<string, string> = {is_not: 'is', not_contains: 'contains', is_not_empty: 'is_empty', less_than_count: 'at_least'}

export function evaluate(body: SegmentBody, profile: Record<string, unknown>, ctx: EvaluationContext): Explained {
  return node(rootOf(body), profile as unknown as SequenzyProfile, ctx)
}

/** `root`, or the legacy flat `filters` joined by `filterJoinOperator` (remote segments may hold only those). */
function rootOf(body: SegmentBody): Group {
  if (body.root) return body.root as Group
  const filters = Array.isArray(body.filters) ? (body.filters as Leaf[]) : []
  return {kind: 'group', joinOperator: body.filterJoinOperator === 'or' ? 'or' : 'and', children: filters.map((f) => ({...f, kind: 'filter'}))}
}

function node(n: Node, profile: SequenzyProfile, ctx: EvaluationContext): Explained {
  if (n.kind === 'group') return group(n.joinOperator === 'or' ? 'OR' : 'AND', n.children.map((c) => node(c, profile, ctx)))
  return filter(n, profile, ctx)
}

function filter(f: Leaf, profile: SequenzyProfile, ctx: EvaluationContext): Explained {
  const text = leafText(f)
  if (f.field === 'segment') return reference(f, text, ctx)
  const elsewhere = NOT_ON_A_PROFILE[f.field]
  if (elsewhere) return undecidable(text, elsewhere)
  const check = FIELDS[f.field]
  if (!check) return undecidable(text, `${JSON.stringify(f.field)} is not a field of Sequenzy's filter table`)
  const positive = COMPLEMENT[f.operator] ?? f.operator
  const verdict = check(positive, typeof f.value === 'string' ? f.value : '', profile, ctx.now)
  if (typeof verdict !== 'boolean') return undecidable(text, verdict.because)
  return leaf(text, positive === f.operator ? verdict : !verdict)
}

/** `segment is/is_not`: the referenced segment's verdict for the same profile, shown inside. */
function reference(f: Leaf, text: string, ctx: EvaluationContext): Explained {
  const name = isSegmentRef(f.value) ? f.value.$segment : typeof f.value === 'string' ? f.value : JSON.stringify(f.value)
  if (f.operator !== 'is' && f.operator !== 'is_not') return undecidable(text, "the operator is not in Sequenzy's table for segment")
  const target = ctx.inSegment(f.value)
  if (!target) return undecidable(text, `segment ${JSON.stringify(name)} is not known here`)
  const member: Explained = {text: `in segment ${JSON.stringify(name)}`, value: target.value, children: [target]}
  return f.operator === 'is' ? member : negation(member)
}
