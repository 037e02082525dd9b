/* Generated from schemas/graph.schema.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen:types`. */

/**
 * The segments of each workspace and who uses whom, printed by `segsync graph --format json`: from the definition files alone (offline), or with `--remote` also the vendor's campaigns and the remote segments no file manages. Stable and versioned by `formatVersion`.
 */
export interface GraphDocument {
  formatVersion: 1
  segsyncVersion: string
  /**
   * Whether the vendors were read (`--remote`); false: the definition files only, no request made.
   */
  remote: boolean
  workspaces: WorkspaceGraph[]
}
/**
 * This interface was referenced by `GraphDocument`'s JSON-Schema
 * via the `definition` "WorkspaceGraph".
 */
export interface WorkspaceGraph {
  name: string
  provider: string
  /**
   * The vendor's name for people ("Sequenzy").
   */
  vendor: string
  /**
   * API origin, or 'embedded'; only when the vendor was read.
   */
  endpoint?: string
  usage?: UsageStatus
  /**
   * Every segment a definition file names, then (with --remote) every remote segment no file manages; sorted by name.
   */
  segments: GraphSegment[]
  /**
   * `from` uses `to`: a `{ $segment }` reference in its definition (or, for an unmanaged segment, in its remote body), or a `dependsOn`.
   */
  references: GraphReference[]
  /**
   * Campaigns, sequences and mailings that target segments (with --remote, where the vendor lets segsync read them; empty otherwise).
   */
  campaigns: GraphCampaign[]
}
/**
 * Only with --remote: whether campaign usage could be read.
 *
 * This interface was referenced by `GraphDocument`'s JSON-Schema
 * via the `definition` "UsageStatus".
 */
export interface UsageStatus {
  known: boolean
  /**
   * Why it is unknown.
   */
  note?: string
}
/**
 * This interface was referenced by `GraphDocument`'s JSON-Schema
 * via the `definition` "GraphSegment".
 */
export interface GraphSegment {
  /**
   * The definition's name (a remote segment a definition renames is shown under the new name).
   */
  name: string
  /**
   * Whether a definition file manages it.
   */
  managed: boolean
  source?: Source
  /**
   * Remote id, with --remote, when the segment exists at the vendor (a managed segment without one is created by the next apply).
   */
  id?: string
  /**
   * The definition says `ensure: 'absent'`: apply deletes it.
   */
  ensure?: 'absent'
  /**
   * The definition says `protected: true`: never deleted.
   */
  protected?: true
}
/**
 * This interface was referenced by `GraphDocument`'s JSON-Schema
 * via the `definition` "Source".
 */
export interface Source {
  file: string
  line?: number
  column?: number
}
/**
 * This interface was referenced by `GraphDocument`'s JSON-Schema
 * via the `definition` "GraphReference".
 */
export interface GraphReference {
  /**
   * The segment that uses the other.
   */
  from: string
  /**
   * The segment it uses.
   */
  to: string
  /**
   * reference: its conditions include the other segment; dependsOn: it only waits for it.
   */
  kind: 'reference' | 'dependsOn'
}
/**
 * This interface was referenced by `GraphDocument`'s JSON-Schema
 * via the `definition` "GraphCampaign".
 */
export interface GraphCampaign {
  kind: 'campaign' | 'sequence' | 'mailing'
  id: string
  name: string
  status: string
  /**
   * false for campaigns shown as information only (e.g. MailGlyph DRAFT).
   */
  active: boolean
  /**
   * Names of the segments it targets (or excludes), as in `segments`.
   */
  segments: string[]
}
