/**
 * The provider interface: what segsync needs from a vendor, written for all five. Everything
 * vendor-specific (paths, envelopes, id formats, quirks) stays inside the vendor's folder:
 * `client.ts` (HTTP only), `mapping.ts` (remote ↔ definition, normalisation), `index.ts` (this).
 */
import type {HttpStats} from '../http/client.js'
import type {RateLimit} from '../http/rate-limiter.js'
import type {CampaignUsage, JsonPath, RemoteSegment} from '../core/model.js'
import type {ProviderId} from '../generated/config.js'

export type {ProviderId}

/** A vendor body: the definition minus segsync's common fields (name, renamedFrom, …). */
export type SegmentBody = Record<string, unknown>

/** Looks up the name of a remote segment by id (for turning ids into `{ $segment }` refs). */
export type NameOf = (id: string) => string | undefined

export interface ConnectOptions {
  /** API origin, e.g. https://api.sequenzy.com or http://127.0.0.1:4010. */
  endpoint: string
  apiKey: string
  /** Client-side budget; undefined = unthrottled (the embedded emulator). */
  rateLimit?: RateLimit
  timeoutMs?: number
  retry?: {maxAttempts?: number; baseDelayMs?: number; maxDelayMs?: number; retryAfterCapMs?: number}
  debug?: (line: string) => void
}

export interface ProviderClient {
  /** Every remote segment, following the vendor's pagination to the end. */
  listSegments(): Promise<RemoteSegment[]>
  /** Which active campaigns/sequences use which segments, or why that cannot be known. */
  campaignUsage(): Promise<CampaignUsage>
  /** Create; `body` has every `{ $segment }` already resolved to a remote id. */
  create(name: string, body: SegmentBody): Promise<RemoteSegment>
  /**
   * Update `remote`. `changes` holds the top-level fields that differ (name included on a rename);
   * `desired` is the full resolved body, for vendors whose update replaces everything.
   */
  update(remote: RemoteSegment, changes: SegmentBody, desired: SegmentBody & {name: string}): Promise<RemoteSegment>
  delete(remote: RemoteSegment): Promise<void>
  /**
   * Optional vendor-side checks of the desired definitions before anything is written (e.g.
   * Kibamail: do the topic ids exist?). Findings become `vendor-check` risks on those changes.
   */
  verify?(definitions: Array<{name: string; body: SegmentBody}>): Promise<VendorFinding[]>
  stats(): HttpStats
  close(): Promise<void>
}

export interface VendorFinding {
  /** Segment (definition) name. */
  name: string
  level: 'block' | 'warn' | 'info'
  message: string
}

export interface CheckIssue {
  path: JsonPath
  message: string
  hint?: string
}

export interface Provider {
  id: ProviderId
  /** Vendor name for people ("Sequenzy"). */
  label: string
  /** Definition schema, relative to schemas/ (also the `$schema` users put in JSON files). */
  schema: string
  defaults: {
    /** API origin; absent for self-hosted vendors (Altcraft), where the config must give one. */
    endpoint?: string
    apiKeyEnv: string
    /** The vendor's documented request budget. */
    rateLimit?: RateLimit
  }
  /** Whether the API can delete; if not, what the user must do by hand. */
  deletes: {supported: true} | {supported: false; manual: string}
  /** Whether campaign usage can be read at all ('unknown': no API for it). */
  campaignUsage: 'readable' | 'unknown'
  /** Top-level body fields whose change never alters who is in the segment. */
  cosmeticFields: string[]
  /** Checks the schema cannot express. Paths are relative to the definition. */
  check?(body: SegmentBody): CheckIssue[]
  /** The remote object as a definition body: ids of known segments become `{ $segment }` refs. */
  toDefinition(remote: RemoteSegment, nameOf: NameOf): SegmentBody
  /**
   * Ids of the segments this remote segment references, read straight from the vendor body
   * (the same ones `toDefinition` turns into `{ $segment }`). Runs over every remote segment of a
   * plan, so it copies nothing; vendors whose API hides references return [] (and use `dependsOn`).
   */
  remoteReferences(remote: RemoteSegment): string[]
  /**
   * A comparable form of a body (definition-shaped, local or from `toDefinition`): server-added
   * ids and defaults dropped, condition arrays keyed by content so order carries no meaning.
   */
  normalize(body: SegmentBody, nameOf: NameOf): SegmentBody
  /** A field change in words, for reviewers ("adds filter `event is_not saas.purchase:30d`"). */
  describe?(change: {path: JsonPath; kind: 'add' | 'remove' | 'change'; before?: unknown; after?: unknown}): string | undefined
  connect(options: ConnectOptions): Promise<ProviderClient>
}
