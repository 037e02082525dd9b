/**
 * The MailGlyph emulator's state. It is also the seed format (`emulatorSeed`, `--state`):
 * segments and campaigns as the API shows them (OpenAPI `Segment` and `Campaign`, vendors.md §1.3,
 * §1.7), and contacts as segment conditions read them (schemas/mailglyph/profile.schema.json), with
 * ids, timestamps and defaults filled in where a seed leaves them out. Member counts are not
 * seeded: contacts.ts counts them with segsync's evaluator.
 */
import {randomUUID} from 'node:crypto'
import type {MailGlyphProfile} from '../../generated/mailglyph-profile.js'
import {refreshCounts} from './contacts.js'

export interface Filter {
  field: string
  operator: string
  value?: unknown
  unit?: string
}

export interface Condition {
  logic: 'AND' | 'OR'
  groups: Array<{filters: Filter[]; conditions?: Condition}>
}

export interface StoredSegment {
  id: string
  name: string
  description: string | null
  type: 'DYNAMIC' | 'STATIC'
  /** null for STATIC segments: their members are a list. */
  condition: Condition | null
  trackMembership: boolean
  /** Counted from `contacts` (contacts.ts), never taken from a seed. */
  memberCount: number
  /** STATIC segments: the emails of their members (a list uploaded to MailGlyph, not a rule). */
  members?: string[]
  projectId: string
  createdAt: string
  updatedAt: string
}

export type CampaignStatus = 'DRAFT' | 'SCHEDULED' | 'SENDING' | 'SENT' | 'CANCELLED'
export const CAMPAIGN_STATUSES: CampaignStatus[] = ['DRAFT', 'SCHEDULED', 'SENDING', 'SENT', 'CANCELLED']

export interface StoredCampaign {
  id: string
  name: string
  description?: string | null
  subject?: string
  body?: string
  from?: string
  audienceType: 'ALL' | 'SEGMENT' | 'FILTERED'
  /** Set when audienceType is SEGMENT. */
  segmentId?: string | null
  /** Set when audienceType is FILTERED: the campaign's own condition. */
  audienceCondition?: Condition | null
  status: CampaignStatus
  scheduledFor?: string | null
  sentAt?: string | null
  createdAt?: string
  updatedAt?: string
}

/** A contact: the segment-test profile's shape, with what MailGlyph always has filled in. */
export type StoredContact = MailGlyphProfile & Required<Pick<MailGlyphProfile, 'email' | 'subscribed' | 'createdAt' | 'updatedAt'>>

export interface MailGlyphState {
  /** Accepted secret keys; when empty, any `sk_…` key is accepted. */
  apiKeys: string[]
  projectId: string
  segments: StoredSegment[]
  campaigns: StoredCampaign[]
  /** Who segments select, and so their `memberCount`. */
  contacts: StoredContact[]
}

export function emptyState(): MailGlyphState {
  return {apiKeys: [], projectId: randomUUID(), segments: [], campaigns: [], contacts: []}
}

type SeedSegment = Partial<StoredSegment> & {name: string}
type SeedContact = Partial<MailGlyphProfile> & {email: string}

/** A seed or a saved state, completed with what the server would have added. */
export function loadState(seed: unknown): MailGlyphState {
  const s = (seed ?? {}) as Partial<Omit<MailGlyphState, 'segments' | 'contacts'>> & {segments?: SeedSegment[]; contacts?: SeedContact[]}
  const projectId = s.projectId ?? randomUUID()
  const loaded = new Date()
  const now = loaded.toISOString()
  const state: MailGlyphState = {
    apiKeys: s.apiKeys ?? [],
    projectId,
    segments: (s.segments ?? []).map((seg) => ({
      id: seg.id ?? randomUUID(),
      name: String(seg.name),
      description: seg.description ?? null,
      type: seg.type ?? 'DYNAMIC',
      condition: seg.condition ?? null,
      trackMembership: seg.trackMembership ?? false,
      memberCount: 0,
      ...(seg.members ? {members: [...seg.members]} : {}),
      projectId,
      createdAt: seg.createdAt ?? now,
      updatedAt: seg.updatedAt ?? seg.createdAt ?? now,
    })),
    campaigns: s.campaigns ?? [],
    contacts: (s.contacts ?? []).map((c) => loadContact(c, loaded)),
  }
  refreshCounts(state, loaded)
  return state
}

/**
 * A seeded contact, completed as MailGlyph creates one (`subscribed` defaults to true, OpenAPI
 * POST /contacts). So that a demo seed stays true as the days pass, its times may be written
 * relative to when the emulator loads it: "-3d", "-12h", "-30m".
 */
function loadContact(c: SeedContact, loaded: Date): StoredContact {
  const time = (t: string | undefined) => (t === undefined ? loaded.toISOString() : relativeTime(t, loaded))
  const createdAt = time(c.createdAt)
  return {
    ...c,
    id: c.id ?? randomUUID(),
    subscribed: c.subscribed ?? true,
    createdAt,
    updatedAt: c.updatedAt === undefined ? createdAt : time(c.updatedAt),
    data: c.data ?? {},
    events: (c.events ?? []).map((e) => ({...e, at: time(e.at)})),
    emails: (c.emails ?? []).map((e) => ({...e, at: time(e.at)})),
  }
}

const UNIT_MS = {d: 86_400_000, h: 3_600_000, m: 60_000}

function relativeTime(t: string, loaded: Date): string {
  const m = /^-(\d+)([dhm])$/.exec(t)
  return m ? new Date(loaded.getTime() - Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS]).toISOString() : t
}
