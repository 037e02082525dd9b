/**
 * The plain data the pipeline stages pass along. Stages are functions of these; only load,
 * providers and apply touch disk or network.
 */
import type {Workspace as WorkspaceConfig} from '../generated/config.js'

export type JsonPath = Array<string | number>

/** Where a definition came from, and how to turn a JSON path into a line and column. */
export interface DefinitionSource {
  /** Path relative to the working directory, with forward slashes. */
  file: string
  kind: 'json' | 'ts'
  /** 1-based line/column of the value at `path` (JSON files only; TS files have none). */
  locate(path: JsonPath, at?: 'key' | 'value'): {line: number; column: number} | undefined
}

/** One segment definition file, split into segsync's common fields and the vendor's own body. */
export interface Definition {
  name: string
  renamedFrom: string[]
  dependsOn: string[]
  protected: boolean
  ensure: 'present' | 'absent'
  /** Everything else: the vendor's body exactly as its API names it, { $segment } refs unresolved. */
  body: Record<string, unknown>
  source: DefinitionSource
  /**
   * Its `{ $segment }` references when they are known without walking the body: none, for a file
   * whose text has no `$segment` (validate). Otherwise found once, on demand (graph/references.ts
   * `definitionRefs`).
   */
  segmentRefs?: ReadonlyArray<{name: string; path: JsonPath}>
}

/** A problem found in a definition or config file: data, rendered by the command. */
export interface Problem {
  file: string
  line?: number
  column?: number
  /** JSON path inside the file, e.g. /root/children/1/operator. */
  path?: string
  message: string
  hint?: string
}

/** A segment as it exists at the vendor. */
export interface RemoteSegment {
  id: string
  name: string
  /** The vendor's object as the API returned it. */
  raw: unknown
  /** Set for segments segsync lists but never modifies (e.g. static segments), with the reason. */
  readOnly?: string
}

/** Something that targets segments: a campaign, a sequence, a mailing. */
export interface CampaignUser {
  kind: 'campaign' | 'sequence' | 'mailing'
  id: string
  name: string
  status: string
  /** Remote ids of the segments it targets or excludes. */
  segmentIds: string[]
  /** false: shown for information only, never blocks (e.g. MailGlyph DRAFT campaigns). Default true. */
  active?: boolean
}

export type CampaignUsage =
  | {known: true; users: CampaignUser[]; read: number}
  | {known: false; reason: string}

export interface Policy {
  campaignImpact: 'block' | 'warn'
  unknownUsage: 'warn' | 'block'
  /** Block audience swings past these limits (current → proposed); unknown counts never block. */
  audienceChange?: {maxDropPercent?: number; maxGrowthPercent?: number}
}

/** A workspace from the config, with defaults applied and paths resolved. */
export interface Workspace extends Omit<WorkspaceConfig, 'segments' | 'emulatorSeed'> {
  name: string
  /** Absolute path of the definitions folder. */
  segmentsDir: string
  /** The folder as written in the config (for messages). */
  segments: string
  emulatorSeed?: string
  /** Absolute directory holding the config file: .segsync/ lives here. */
  rootDir: string
}
