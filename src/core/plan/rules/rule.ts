import type {Change, Risk} from '../../../generated/plan.js'
import type {Definition, Policy, RemoteSegment} from '../../model.js'
import type {Provider, VendorFinding} from '../../provider.js'
import type {ReferencedBy} from '../../impact/reference-graph.js'

export interface RuleContext {
  policy: Policy
  provider: Provider
  /** The workspace's definitions by name. */
  definitions: Pick<ReadonlyMap<string, Definition>, 'get' | 'values'>
  remotesById: ReadonlyMap<string, RemoteSegment>
  referencedBy: ReferencedBy
  /** Vendor-side findings about desired definitions (ProviderClient.verify), by segment name. */
  findings: VendorFinding[]
}

/** A rule reads a change and its context and returns the risks it sees (often none). */
export type Rule = (change: Change, ctx: RuleContext, all: Change[]) => Risk[]

export function applyRules(changes: Change[], ctx: RuleContext, rules: Rule[]): Change[] {
  return changes.map((change) => ({...change, risks: [...change.risks, ...rules.flatMap((rule) => rule(change, ctx, changes))]}))
}
