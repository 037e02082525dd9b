/**
 * Plan stage: diff → impact → rules, assembled into the plan document (schemas/plan.schema.json).
 * Pure: every input is plain data already read from disk and the vendor.
 */
import type {Change, Drift, PlanDocument, Summary, WorkspacePlan} from '../../generated/plan.js'
import type {Provider, VendorFinding} from '../provider.js'
import {createHash} from 'node:crypto'
import type {CampaignUsage, Definition, Policy, RemoteSegment, Workspace} from '../model.js'
import {diffWorkspace, type WorkspaceDiff} from '../diff/diff-workspace.js'
import {definitionsByName} from '../diff/match.js'
import {buildGraph} from '../graph/graph.js'
import {assessImpact} from '../impact/assess-impact.js'
import {referenceEdges, referenceGraph, type ReferencedBy} from '../impact/reference-graph.js'
import {withAudiences, type Audiences} from './audience.js'
import {applyRules, rules, type RuleContext} from './rules/index.js'
import {byText} from '../../util/order.js'

export interface WorkspacePlanInput {
  workspace: Pick<Workspace, 'name' | 'prune'>
  endpoint: string
  provider: Provider
  definitions: Definition[]
  remotes: RemoteSegment[]
  usage: CampaignUsage
  policy: Policy
  /** Vendor-side findings about the definitions (ProviderClient.verify). */
  findings?: VendorFinding[]
  /** Members of the changed segments (plan/audience.ts), by change name. */
  audiences?: Audiences
  /** Drift hints by segment name (plan/drift.ts). */
  drift?: ReadonlyMap<string, Drift>
}

/** What the plan knows once the remote segments are read and compared: the diff. */
export interface Diffed {
  diff: WorkspaceDiff
  remotesById: Map<string, RemoteSegment>
  nameOf: (id: string) => string | undefined
}

/** The diff and who references whom. */
export interface DiffStage extends Diffed {
  referencedBy: ReferencedBy
}

type StageInput = Pick<WorkspacePlanInput, 'workspace' | 'provider' | 'definitions' | 'remotes'>

/**
 * The diff needs only the definitions and the remote segments: the pipeline runs this as soon as
 * the segment list is in, while campaign usage may still be on its way, and sends the member
 * counts of what it finds changed before it builds the reference graph (`withReferences`).
 */
export function diffRemotes(input: StageInput): Diffed {
  const {provider, definitions, remotes} = input
  const remotesById = new Map<string, RemoteSegment>()
  for (const r of remotes) remotesById.set(r.id, r)
  const nameOf = (id: string) => remotesById.get(id)?.name
  const diff = diffWorkspace({definitions, remotes, provider, prune: input.workspace.prune === true, nameOf})
  return {diff, remotesById, nameOf}
}

/** The reference graph over the remote segments and the definitions, renames applied. */
export function withReferences(diffed: Diffed, input: StageInput): DiffStage {
  const {diff, nameOf} = diffed
  const renamed = new Map(diff.changes.flatMap((c) => (c.action === 'update' && c.previousName ? [[c.name, c.previousName] as const] : [])))
  const referencedBy = referenceGraph(input.remotes, input.definitions, input.provider, nameOf, (name) => renamed.get(name) ?? name)
  return {...diffed, referencedBy}
}

export function planWorkspace(input: WorkspacePlanInput & {staged?: DiffStage}): WorkspacePlan {
  const {provider, definitions, usage, policy} = input
  const {diff, remotesById, nameOf, referencedBy} = input.staged ?? withReferences(diffRemotes(input), input)

  const deleted = new Set(diff.changes.filter((c) => c.action === 'delete').map((c) => c.name))
  let changes = diff.changes.map((c) =>
    c.action === 'delete' ? {...c, dependsOn: [...(referencedBy.get(c.name) ?? [])].filter((n) => deleted.has(n)).sort()} : c,
  )
  changes = assessImpact(changes, {usage, referencedBy, nameOf, cosmeticFields: provider.cosmeticFields})
  changes = withAudiences(changes, input.audiences)
  changes = applyRules(changes, {policy, provider, definitions: byName(definitions), remotesById, referencedBy, findings: input.findings ?? []}, rules)
  changes = executionOrder(changes)
  if (input.drift?.size) changes = changes.map((c) => (c.action === 'update' && input.drift!.has(c.name) ? {...c, drift: input.drift!.get(c.name)!} : c))

  const plan: Omit<WorkspacePlan, 'summary'> = {
    name: input.workspace.name,
    provider: provider.id,
    vendor: provider.label,
    endpoint: input.endpoint,
    usage: usage.known ? {known: true, campaignsRead: usage.read} : {known: false, note: usage.reason},
    changes,
    // Code units, not byText: thousands of names, for machines (people are shown their count).
    unchanged: diff.unchanged.sort(),
    unmanaged: diff.unmanaged.sort((a, b) => byText(a.name, b.name)),
    readOnly: diff.readOnly.sort((a, b) => byText(a.name, b.name)),
    references: referenceEdges(changes.map(remoteName), referencedBy),
  }
  return {...plan, summary: summarize([plan])}
}

/** The definitions by name, through the diff's index of them (no map of its own). */
function byName(definitions: Definition[]): RuleContext['definitions'] {
  const index = definitionsByName(definitions)
  return {
    get: (name) => {
      const i = index.get(name)
      return i === undefined ? undefined : definitions[i]
    },
    values: () => definitions.values(),
  }
}

/** The name a changed segment has at the vendor now: the reference graph is keyed by it. */
function remoteName(change: Change): string {
  return change.action === 'update' ? (change.previousName ?? change.name) : change.name
}

/** Creates and updates with what they reference first; deletes after, dependents first. */
export function executionOrder(changes: Change[]): Change[] {
  const upserts = changes.filter((c) => c.action !== 'delete')
  const deletes = changes.filter((c) => c.action === 'delete')
  const byName = (list: Change[]) => new Map(list.map((c) => [c.name, c]))
  const ordered = (list: Change[]) => {
    const order = buildGraph(list.map((c) => ({name: c.name, deps: c.dependsOn}))).order
    const placed = new Set(order)
    // Segments on a remote reference cycle have no order among themselves: by name.
    const rest = list.map((c) => c.name).filter((n) => !placed.has(n)).sort()
    const map = byName(list)
    return [...order, ...rest].map((n) => map.get(n)!)
  }
  return [...ordered(upserts), ...ordered(deletes)]
}

export function summarize(workspaces: Array<Pick<WorkspacePlan, 'changes' | 'unchanged' | 'unmanaged'>>): Summary {
  const changes = workspaces.flatMap((w) => w.changes)
  const campaigns = new Set(changes.flatMap((c) => c.impact.campaigns.filter((k) => k.active).map((k) => `${k.kind}:${k.id}`)))
  return {
    create: changes.filter((c) => c.action === 'create').length,
    update: changes.filter((c) => c.action === 'update').length,
    delete: changes.filter((c) => c.action === 'delete' && !c.manual).length,
    manual: changes.filter((c) => c.action === 'delete' && c.manual).length,
    blocked: changes.filter((c) => c.risks.some((r) => r.level === 'block')).length,
    affectedCampaigns: campaigns.size,
    unchanged: workspaces.reduce((n, w) => n + w.unchanged.length, 0),
    unmanaged: workspaces.reduce((n, w) => n + w.unmanaged.length, 0),
  }
}

/** The plan file's format (schemas/plan.schema.json `formatVersion`); saved plans of another are refused. */
export const PLAN_FORMAT = 2

/** `definitionsHash`, when given, is that of `definitions`, taken earlier (plan-run.ts takes it while the vendors answer). */
export function planDocument(workspaces: WorkspacePlan[], meta: {version: string; definitions: Array<{file: string; content: string}>; definitionsHash?: string; now?: Date}): PlanDocument {
  return {
    formatVersion: PLAN_FORMAT,
    segsyncVersion: meta.version,
    createdAt: (meta.now ?? new Date()).toISOString(),
    definitionsHash: meta.definitionsHash ?? definitionsHash(meta.definitions),
    summary: summarize(workspaces),
    workspaces,
  }
}

export function definitionsHash(files: Array<{file: string; content: string}>): string {
  const byPath = new Map<string, string>()
  for (const f of files) byPath.set(f.file, f.content)
  // Paths in code point order: a locale collation loads ICU's tables on first use (20-30 ms of
  // a CLI run). Plans saved by builds that sorted by locale can read as stale after an upgrade.
  const paths = [...byPath.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  // Each piece is fed as it is: a joined string per file must be flattened before it is hashed,
  // which took 20 ms of a plan over 5,000 files against 7 ms for the pieces.
  const hash = createHash('sha256')
  paths.forEach((path, i) => {
    if (i > 0) hash.update('\0')
    hash.update(path).update('\0').update(byPath.get(path)!)
  })
  return `sha256:${hash.digest('hex')}`
}
