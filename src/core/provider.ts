/**
 * The provider port: what the pipeline needs from a vendor, written for all five. Core owns it;
 * each vendor folder under src/providers implements it, and the commands hand the pipeline a
 * lookup for providers and a connector (src/connect) that opens a live client. Core never imports
 * a provider, the HTTP layer or an emulator (eslint.config.js enforces it).
 */
import type {ProviderId, RateLimit} from '../generated/config.js'
import type {CampaignUsage, JsonPath, RemoteSegment, Workspace} from './model.js'

export type {ProviderId, RateLimit}

/** A vendor body: the definition minus segsync's common fields (name, renamedFrom, …). */
export type SegmentBody = Record<string, unknown>

/** Looks up the name of a remote segment by id (for turning ids into `{ $segment }` refs). */
export type NameOf = (id: string) => string | undefined

/** What a connector hands a provider to open its client. */
export interface ConnectOptions {
  /** API origin, e.g. https://api.sequenzy.com or http://127.0.0.1:4010. */
  endpoint: string
  apiKey: string
  /** Client-side budget; undefined = unthrottled. */
  rateLimit?: RateLimit
  /**
   * The budget to draw every request from, when the connector shares one between clients (all the
   * workspaces on one endpoint with one key: the vendor counts per key). Absent: the client keeps
   * its own, from `rateLimit`.
   */
  limiter?: RequestLimiter
  /**
   * Reads on their way, shared by the clients of one endpoint and key (the connector's, like
   * `limiter`): until any of them sends something other than a GET, a GET asked while the same GET
   * is on its way takes that answer instead of asking the vendor again (two workspaces managing
   * folders of one account read it once while they plan).
   */
  sharedReads?: SharedReads
  timeoutMs?: number
  retry?: {maxAttempts?: number; baseDelayMs?: number; maxDelayMs?: number; retryAfterCapMs?: number}
  debug?: (line: string) => void
}

/** See ConnectOptions.sharedReads. */
export interface SharedReads {
  onTheirWay: Map<string, Promise<unknown>>
  /** Set at the first request that is not a GET: from then on nothing is shared. */
  written: boolean
}

/**
 * A client-side request budget: wait for a place before each request, and say when its answer
 * came (the request counts from then); after a 429, everyone waits.
 */
export interface RequestLimiter {
  /** With `maxWaitMs`: fail rather than wait longer than that for a place (a read that is information only). */
  acquire(options?: {maxWaitMs?: number}): Promise<(at?: number) => void>
  pause(ms: number): void
}

/** Requests a client made so far (progress lines, benchmarks). */
export interface ClientStats {
  requests: number
  retries: number
  rateLimited: number
  /** Reads answered by the same read another workspace of the account had on its way (ConnectOptions.sharedReads). */
  shared?: number
}

/**
 * An update, stated in full. `desired` is the whole resolved body with its name (for vendors whose
 * update replaces everything); `changed` names the top-level fields whose value in `desired` must
 * be sent ('name' on a rename); `cleared` names the fields the definition no longer has, which the
 * vendor must reset. What "reset" means is each provider's to say, in one place.
 */
export interface SegmentWrite {
  desired: SegmentBody & {name: string}
  changed: string[]
  cleared: string[]
}

export interface ProviderClient {
  /** Every remote segment, following the vendor's pagination to the end. */
  listSegments(): Promise<RemoteSegment[]>
  /** Which active campaigns/sequences use which segments, or why that cannot be known. */
  campaignUsage(): Promise<CampaignUsage>
  /** Create; `body` has every `{ $segment }` already resolved to a remote id. */
  create(name: string, body: SegmentBody): Promise<RemoteSegment>
  update(remote: RemoteSegment, write: SegmentWrite): Promise<RemoteSegment>
  delete(remote: RemoteSegment): Promise<void>
  /**
   * Optional vendor-side checks of the desired definitions before anything is written (e.g.
   * Kibamail: do the topic ids exist?). Findings become `vendor-check` risks on those changes.
   * `remotes` is the segment list the plan is reading (a promise, so a check that does not need it
   * runs beside the list instead of after it).
   */
  verify?(definitions: Array<{name: string; body: SegmentBody}>, remotes: Promise<RemoteSegment[]>): Promise<VendorFinding[]>
  /**
   * Members of the segments a plan changes, from the vendor's own counts: one answer per query,
   * in order. Optional: a vendor that exposes no count leaves it out. A count it cannot read is
   * `null` with a reason, never an error: counts are information for reviewers.
   */
  audience?(queries: AudienceQuery[]): Promise<AudienceCount[]>
  /**
   * Read-only probes of the live account for `segsync doctor`: the key and its scopes, every read
   * endpoint answering inside its contract, pagination ending, and each vendors.md assumption that
   * a read can test. Never writes.
   */
  doctor(): Promise<DoctorCheck[]>
  stats(): ClientStats
  close(): Promise<void>
}

/** A segment whose audience the plan shows: the remote as read (update, delete), the body wanted (create, update). */
export interface AudienceQuery {
  action: 'create' | 'update' | 'delete'
  remote?: RemoteSegment
  /** The definition's body, `{ $segment }` references resolved to remote ids where the segment exists. */
  body?: SegmentBody
}

/** Members now and after the change; null where unknown. */
export interface AudienceCount {
  current: number | null
  proposed: number | null
  /** Where the numbers come from ("memberCount", "segments/{id}/count", "contacts/search"). */
  source: string
  /** A paged count stopped at the documented page cap: the number is a lower bound. */
  capped?: boolean
  /** Why a number is null (shown with --debug). */
  reason?: string
}

/** One finding of `segsync doctor` (schemas/doctor-report.schema.json). */
export interface DoctorCheck {
  /** Stable id, e.g. "segments-list". */
  id: string
  title: string
  /** fail only when segsync relies on what the check tests; an optional fact is pass or skip. */
  status: 'pass' | 'fail' | 'skip'
  /** One line. */
  message: string
  /** The document or vendors.md assumption the check tests. */
  basis: string
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

/** A field change in the normalised body, for `Provider.describe`. */
export interface FieldEdit {
  path: JsonPath
  kind: 'add' | 'remove' | 'change'
  before?: unknown
  after?: unknown
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
  /** Top-level body fields whose change never alters who is in the segment. */
  cosmeticFields: string[]
  /** Checks the schema cannot express. Paths are relative to the definition. */
  check?(body: SegmentBody): CheckIssue[]
  /** The remote object as a definition body: ids of known segments become `{ $segment }` refs. */
  toDefinition(remote: RemoteSegment, nameOf: NameOf): SegmentBody
  /**
   * The body fields `toDefinition` reads back as they are, each with the value that stands for
   * "none" (a definition leaves the field out). When a definition has no other field and the
   * remote segment holds each of them exactly as the definition writes it (or that value where the
   * definition has none), the segment is unchanged, and the diff does not map it: about 24 ms
   * less over 5,000 MailGlyph segments (paired runs). Only a shortcut: a segment that does not
   * match goes through the full diff. test/unit/core/as-written.test.ts holds every vendor that
   * declares it to the full diff, so it never calls a changed segment unchanged.
   */
  asWritten?: Readonly<Record<string, unknown>>
  /**
   * Whether `toDefinition(remote, nameOf)` is the same JSON as `body`, found without building it
   * (a walk of both side by side), for vendors whose segments cannot be read as written (server
   * ids inside the tree, references held as ids). Only a shortcut, like `asWritten`: `false` means
   * "not seen here", and the full diff decides; it must never be `true` where they differ.
   */
  readsAs?: (remote: RemoteSegment, body: SegmentBody, nameOf: NameOf) => boolean
  /**
   * Ids of the segments this remote segment references, read straight from the vendor body
   * (the same ones `toDefinition` turns into `{ $segment }`). Runs over every remote segment of a
   * plan, so it copies nothing; vendors whose API hides references return [] (and use `dependsOn`).
   */
  remoteReferences(remote: RemoteSegment): string[]
  /**
   * A comparable form of a body (definition-shaped, local or from `toDefinition`): server-added
   * ids and defaults dropped, condition arrays keyed by content so order carries no meaning.
   * A function of its inputs only: two bodies that are the same JSON normalise alike (the diff
   * relies on it to skip normalising segments whose bodies are equal as read).
   */
  normalize(body: SegmentBody, nameOf: NameOf): SegmentBody
  /** A body field change in words, for reviewers ("adds filter `event is_not saas.purchase:30d`"). */
  describe?(change: FieldEdit): string | undefined
  /** Who is in a segment, offline: `segsync test` and the emulators' member counts. */
  evaluation: Evaluation
  /**
   * When the vendor last changed this segment (ISO 8601), for vendors whose list says so; a plan
   * compares it with the definition file's last commit to hint at drift (an edit made in the UI).
   */
  updatedAt?(remote: RemoteSegment): string | undefined
  connect(options: ConnectOptions): Promise<ProviderClient>
}

/**
 * A membership verdict in three values: a condition the evaluator cannot decide offline (a field
 * the profile cannot carry, such as Stripe data) is 'unknown', never guessed. AND/OR follow
 * Kleene's logic: false AND unknown is false, true OR unknown is true.
 */
export type Truth = boolean | 'unknown'

/** A condition tree with the value each node had for one profile: the explanation of a verdict. */
export interface Explained {
  /** The condition in words ("status is active", "in segment \"VIP\""); for a group, its join. */
  text: string
  value: Truth
  /** A group: how its children combine. */
  join?: 'AND' | 'OR' | 'NOT'
  children?: Explained[]
  /** Why a leaf is 'unknown': what it would need to read. */
  because?: string
}

/** What an evaluator may ask while it evaluates one profile. */
export interface EvaluationContext {
  /** The clock for relative times ("within 30 days"). */
  now: Date
  /**
   * Membership of the same profile in another segment: a `{ $segment: name }` of a definition or
   * a remote id in a vendor body. Undefined when no such segment is known.
   */
  inSegment(ref: unknown): Explained | undefined
}

/** Whether the vendor's condition language can be evaluated offline, and with what profiles. */
export type Evaluation =
  | {
      supported: true
      /** Profile schema, relative to schemas/ (what a test fixture's profiles look like). */
      profileSchema: string
      /** Segment test file schema, relative to schemas/. */
      testSchema: string
      /** Whether `profile` is in the segment `body`, explained leaf by leaf. */
      evaluate(body: SegmentBody, profile: Record<string, unknown>, ctx: EvaluationContext): Explained
    }
  | {
      supported: false
      /** Why this vendor's segments cannot be evaluated (test expectations are skipped with it). */
      reason: string
      testSchema: string
    }

/** Finds a provider by id (the commands pass src/providers/registry). */
export type ProviderLookup = (id: string) => Promise<Provider>

/** A live client for one workspace, and where it talks to. */
export interface Connection {
  client: ProviderClient
  /** 'embedded' or the API origin. */
  endpoint: string
  /** Closes the client and whatever the connector started for it (an embedded emulator). */
  close(): Promise<void>
}

/**
 * Opens connections: resolves a workspace's endpoint and key (or starts its embedded emulator) and
 * hands the provider its options. The commands pass src/connect.
 */
export interface Connector {
  /** Warm up what connecting needs while definitions load (no network call). */
  warm?(): void
  open(workspace: Workspace, provider: Provider): Promise<Connection>
}
