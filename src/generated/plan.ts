/* Generated from schemas/plan.schema.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen:types`. */

/**
 * One change to one segment: a union on `action`.
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "Change".
 */
export type Change = CreateChange | UpdateChange | DeleteChange

/**
 * A segsync plan: printed by `segsync plan --json`, saved by `segsync plan --out FILE`, applied by `segsync apply FILE`. Stable and versioned by `formatVersion`.
 */
export interface PlanDocument {
  /**
   * 2: a change is a union on `action` (create, update, delete) and an update lists the top-level fields it changes. Plans of another format are refused: make the plan again.
   */
  formatVersion: 2
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
   * The vendor's name for people ("Sequenzy").
   */
  vendor: string
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
  /**
   * Who references whom among the segments the changes reach: every segment that references a changed one, at any depth, as edges (`from` references `to`, by a `{ $segment }` reference or `dependsOn`), by the names the segments have at the vendor now. The impact picture in the pull-request comment draws them; the campaigns each change reaches are in its `impact`. Absent in plans made before segsync drew the picture.
   */
  references?: Reference[]
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
 * via the `definition` "CreateChange".
 */
export interface CreateChange {
  action: 'create'
  name: string
  source: Source
  fields: FieldChange[]
  /**
   * Segments this change waits for (references and dependsOn).
   */
  dependsOn: string[]
  impact: Impact
  audience: Audience
  risks: Risk[]
  /**
   * The vendor body the definition wants (without the name), with { $segment } references unresolved.
   */
  after: {
    [k: string]: unknown
  }
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
 * Who the change reaches, in people, from the vendor's own counts: information for reviewers, never part of a saved plan's staleness check.
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "Audience".
 */
export interface Audience {
  /**
   * Members now; null when unknown (not exposed by the vendor, or the count could not be read).
   */
  current: number | null
  /**
   * Members after the change, where it can be known (0 for a delete); null otherwise.
   */
  proposed: number | null
  /**
   * Where the numbers come from, e.g. memberCount, segments/{id}/count, contacts/search, or why there are none ("not exposed by Push0").
   */
  source: string
  /**
   * A count that needs paging stopped at a documented number of pages: the number is a lower bound.
   */
  capped?: boolean
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
    | 'audience-change'
  level: 'block' | 'warn' | 'info'
  message: string
  /**
   * The apply flag that lets a blocked change through; absent when nothing does.
   */
  allowFlag?: string
}
/**
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "UpdateChange".
 */
export interface UpdateChange {
  action: 'update'
  name: string
  /**
   * Remote id.
   */
  id: string
  /**
   * Set when the update renames the segment (renamedFrom).
   */
  previousName?: string
  source: Source
  fields: FieldChange[]
  /**
   * The top-level fields this update changes ("name" on a rename), computed once by diff: apply sends them, impact reads them.
   */
  changed: string[]
  /**
   * The vendor body the definition wants (without the name), with { $segment } references unresolved.
   */
  after: {
    [k: string]: unknown
  }
  /**
   * The remote body (without the name) in the normalised form its fingerprint is taken of: a stale saved plan is explained by diffing it against the remote now.
   */
  before: {
    [k: string]: unknown
  }
  /**
   * The definition's body (without the name) in the same normalised form as `before`: the before/after diff a reviewer reads. Information only: no staleness check reads it.
   */
  afterNormalized: {
    [k: string]: unknown
  }
  /**
   * sha256 of the remote segment (name and normalised body) the plan was made against.
   */
  fingerprint: string
  drift?: Drift
  /**
   * Segments this change waits for (references and dependsOn).
   */
  dependsOn: string[]
  impact: Impact
  audience: Audience
  risks: Risk[]
}
/**
 * A hint that the segment changed in the vendor after its definition file was last committed (the vendor's update time is newer than the file's last git commit), so this update probably reverts an edit made in the vendor's UI; `segsync pull` turns that edit into a file change instead. Only for vendors whose segment list carries an update time (MailGlyph, Push0), and only for files tracked by git with no uncommitted change.
 *
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "Drift".
 */
export interface Drift {
  remoteUpdatedAt: string
  fileCommittedAt: string
}
/**
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "DeleteChange".
 */
export interface DeleteChange {
  action: 'delete'
  name: string
  /**
   * Remote id.
   */
  id: string
  /**
   * Why the delete is planned: a definition says ensure: absent, or no definition manages it and the workspace prunes.
   */
  reason: 'ensure-absent' | 'prune'
  source?: Source
  fields: FieldChange[]
  /**
   * The remote body (without the name) in the normalised form its fingerprint is taken of: a stale saved plan is explained by diffing it against the remote now.
   */
  before: {
    [k: string]: unknown
  }
  /**
   * sha256 of the remote segment (name and normalised body) the plan was made against.
   */
  fingerprint: string
  /**
   * Segments deleted in this plan that reference this one: they go first.
   */
  dependsOn: string[]
  impact: Impact
  audience: Audience
  risks: Risk[]
  /**
   * Set when the vendor API cannot make this change: what to do by hand.
   */
  manual?: string
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
/**
 * This interface was referenced by `PlanDocument`'s JSON-Schema
 * via the `definition` "Reference".
 */
export interface Reference {
  /**
   * The segment that references (uses) the other.
   */
  from: string
  /**
   * The segment it references.
   */
  to: string
}
