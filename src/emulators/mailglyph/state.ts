/**
 * The MailGlyph emulator's state. It is also the seed format (`emulatorSeed`, `--state`):
 * segments and campaigns as the API shows them (OpenAPI `Segment` and `Campaign`, vendors.md §1.3,
 * §1.7), with ids, timestamps and defaults filled in where a seed leaves them out.
 */
import {randomUUID} from 'node:crypto'

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
  memberCount: number
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

export interface MailGlyphState {
  /** Accepted secret keys; when empty, any `sk_…` key is accepted. */
  apiKeys: string[]
  projectId: string
  segments: StoredSegment[]
  campaigns: StoredCampaign[]
}

export function emptyState(): MailGlyphState {
  return {apiKeys: [], projectId: randomUUID(), segments: [], campaigns: []}
}

type SeedSegment = Partial<StoredSegment> & {name: string}

/** A seed or a saved state, completed with what the server would have added. */
export function loadState(seed: unknown): MailGlyphState {
  const s = (seed ?? {}) as Partial<Omit<MailGlyphState, 'segments'>> & {segments?: SeedSegment[]}
  const projectId = s.projectId ?? randomUUID()
  const now = new Date().toISOString()
  return {
    apiKeys: s.apiKeys ?? [],
    projectId,
    segments: (s.segments ?? []).map((seg) => ({
      id: seg.id ?? randomUUID(),
      name: String(seg.name),
      description: seg.description ?? null,
      type: seg.type ?? 'DYNAMIC',
      condition: seg.condition ?? null,
      trackMembership: seg.trackMembership ?? false,
      memberCount: seg.memberCount ?? 0,
      projectId,
      createdAt: seg.createdAt ?? now,
      updatedAt: seg.updatedAt ?? seg.createdAt ?? now,
    })),
    campaigns: s.campaigns ?? [],
  }
}
