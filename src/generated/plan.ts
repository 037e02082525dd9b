/* Generated from schemas/plan.schema.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen:types`. */

/**
 * A segsync plan: printed by `segsync plan --json`, saved by `segsync plan --out FILE`, applied by `segsync apply FILE`. Stable and versioned by `formatVersion`.
 */
export interface PlanDocument {
  formatVersion: 1
  segsyncVersion: string
  createdAt: string
  /**
   * sha256 over every definition file the plan read (path and content): apply refuses a saved plan when the definitions changed since.
   */
  definitionsHash: string
  summary: Summary
  workspaces: WorkspacePlan[]
}
/**
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "Summary".
 */
export interface Summary {
  create: number
  update: number
  delete: number
  /**
   * Changes the vendor's API cannot make (shown as manual steps).
   */
  manual: number
  /**
   * Changes a rule blocks unless an apply flag allows them.
   */
  blocked: number
  /**
   * Distinct active campaigns and sequences touched by the changes.
   */
  affectedCampaigns: number
  unchanged: number
  unmanaged: number
}
/**
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "WorkspacePlan".
 */
export interface WorkspacePlan {
  name: string
  provider: string
  /**
   * API origin, or 'embedded'.
   */
  endpoint: string
  usage: UsageStatus
  summary: Summary
  changes: Change[]
  /**
   * Names of managed segments that need no change.
   */
  unchanged: string[]
  unmanaged: RemoteRef[]
  /**
   * Remote segments segsync lists but never modifies (e.g. static segments).
   */
  readOnly: RemoteRef[]
}
/**
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "UsageStatus".
 */
export interface UsageStatus {
  /**
   * Whether campaign usage could be read for this workspace.
   */
  known: boolean
  note?: string
  campaignsRead?: number
}
/**
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "Change".
 */
export interface Change {
  action: 'create' | 'update' | 'delete'
  name: string
  /**
   * Remote id (update, delete).
   */
  id?: string
  /**
   * Set when the update renames the segment (renamedFrom).
   */
  previousName?: string
  /**
   * Why a delete is planned.
   */
  reason?: 'definition' | 'ensure-absent' | 'prune'
  source?: Source
  fields: FieldChange[]
  /**
   * The desired vendor body (name included), with { $segment } references unresolved.
   */
  after?: {}
  /**
   * Segments this change waits for (references and dependsOn).
   */
  dependsOn: string[]
  /**
   * sha256 of the normalised remote body the plan was made against (update, delete).
   */
  fingerprint?: string
  /**
   * The remote segment (update, delete) in the normalised form its fingerprint is taken of: a stale saved plan is explained by diffing it against the remote now.
   */
  before?: {}
  impact: Impact
  risks: Risk[]
  /**
   * Set when the vendor API cannot make this change: what to do by hand.
   */
  manual?: string
}
/**
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "Source".
 */
export interface Source {
  file: string
  line?: number
  column?: number
}
/**
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "FieldChange".
 */
export interface FieldChange {
  /**
   * Dotted path; condition entries are keyed by their content, e.g. root.children[event is_not "saas.purchase:30d"].
   */
  path: string
  kind: 'add' | 'remove' | 'change'
  before?: unknown
  after?: unknown
  /**
   * The change in words.
   */
  text: string
}
/**
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "Impact".
 */
export interface Impact {
  /**
   * 'none': the change cannot touch a campaign (a create).
   */
  usage: 'known' | 'unknown' | 'none'
  note?: string
  /**
   * Whether the change alters who is in the segment (a rename or description change does not).
   */
  audience: boolean
  campaigns: AffectedCampaign[]
}
/**
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "AffectedCampaign".
 */
export interface AffectedCampaign {
  kind: 'campaign' | 'sequence' | 'mailing'
  id: string
  name: string
  status: string
  /**
   * false for campaigns shown as information only (e.g. MailGlyph DRAFT): they never block.
   */
  active: boolean
  /**
   * The chain of segments from the changed one (exclusive) to the one the campaign targets (inclusive); empty when the campaign targets the changed segment directly.
   */
  via: string[]
}
/**
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "Risk".
 */
export interface Risk {
  rule:
    | 'campaign-impact'
    | 'unknown-usage'
    | 'delete'
    | 'protected'
    | 'referenced'
    | 'read-only'
    | 'vendor-check'
    | 'mass-delete'
  level: 'block' | 'warn' | 'info'
  message: string
  /**
   * The apply flag that lets a blocked change through; absent when nothing does.
   */
  allowFlag?: string
}
/**
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "RemoteRef".
 */
export interface RemoteRef {
  id: string
  name: string
  note?: string
}
