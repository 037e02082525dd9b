/**
 * The Altcraft emulator's state. It is also the seed format (`emulatorSeed`, `--state`):
 * profile databases, segments and mailings as the API shows them, with integer ids, and the
 * profiles segments/get counts.
 */
import {assumptions} from './assumptions.js'

export interface StoredQuery {
  compo: string
  name: string
  operator: string
  type: string
  value: unknown[]
  child: StoredQuery[]
  condition: string
  /** Queries are opaque (vendors.md §5.4): any other key is kept verbatim. */
  [key: string]: unknown
}

export interface StoredBlock {
  condition: 'and' | 'or'
  limit: number
  list_id: number
  percent_from: number
  percent_to: number
  queries: StoredQuery[]
}

export interface Group {
  id: number
  name: string
}

export interface StoredSegment {
  id: number
  name: string
  /** The profile database; for dynamic and updatable segments also in every block. */
  list_id: number
  is_static: boolean
  is_refresh_daily: boolean
  /** Empty for static segments (members are added by hand, import or API). */
  segment: StoredBlock[]
  ui_tags: string[]
  groups: Group[]
}

/**
 * A profile (a subscriber of one profile database). Only what the `count` of segments/get reads
 * is typed (profiles.ts); any other field (email, _region…) is kept as seeded.
 */
export interface StoredProfile {
  id: number
  /** The profile database it belongs to. */
  list_id: number
  /** Static segments it was added to by hand (they have no rules to select it). */
  segments?: number[]
  [field: string]: unknown
}

/** A mailing ("campaign" before v74), under /api/v1.1/campaigns/. */
export interface StoredMailing {
  id: number
  name: string
  type: string
  is_active: boolean
  is_completed: boolean
  status: string
  /** "Audience source type": "list" or "segment". */
  data_type: string
  /** "Audience source ID". */
  data_id: number
  subid: string
  for_confirm: boolean
  ui_tags: string[]
  groups: Group[]
  /** Any other field of the mailing, returned by campaigns/get as stored. */
  [key: string]: unknown
}

export interface AltcraftState {
  /** Accepted tokens; when empty, any token is accepted. */
  apiKeys: string[]
  /** Existing profile database ids; when empty, any list_id is accepted. */
  databases: number[]
  segments: StoredSegment[]
  campaigns: StoredMailing[]
  /** What segments/get counts (profiles.ts); a seed's segment `count` is ignored. */
  profiles: StoredProfile[]
  /** The id the next created segment gets. */
  nextSegmentId: number
  /** Whether segments/get answers the type flags (assumptions.getIncludesTypeFlags, the default). */
  getIncludesTypeFlags: boolean
}

export function emptyState(): AltcraftState {
  return {apiKeys: [], databases: [], segments: [], campaigns: [], profiles: [], nextSegmentId: assumptions.firstId, getIncludesTypeFlags: assumptions.getIncludesTypeFlags}
}

type SeedSegment = Partial<Omit<StoredSegment, 'segment'>> & {segment?: Array<Partial<StoredBlock>>}
type SeedProfile = Partial<StoredProfile> & {list_id: number}

/** A seed or saved state, with the server's defaults filled in where the seed left them out. */
export function loadState(seed: unknown): AltcraftState {
  const s = (seed ?? {}) as Partial<Omit<AltcraftState, 'segments' | 'campaigns' | 'profiles'>> & {segments?: SeedSegment[]; campaigns?: Array<Partial<StoredMailing>>; profiles?: SeedProfile[]}
  let next = Math.max(assumptions.firstId, s.nextSegmentId ?? 0, ...(s.segments ?? []).map((seg) => (seg.id ?? 0) + 1))
  const segments = (s.segments ?? []).map((seg): StoredSegment => {
    const blocks = (seg.segment ?? []).map((b) => withBlockDefaults(b, seg.list_id))
    const isStatic = seg.is_static ?? false
    return {
      id: seg.id ?? next++,
      name: String(seg.name),
      list_id: seg.list_id ?? blocks[0]?.list_id ?? 1,
      is_static: isStatic,
      is_refresh_daily: isStatic ? (seg.is_refresh_daily ?? false) : false,
      segment: blocks,
      ui_tags: seg.ui_tags ?? [],
      groups: seg.groups ?? [...assumptions.defaultGroups],
    }
  })
  const campaigns = (s.campaigns ?? []).map((m, i): StoredMailing => {
    const flags = {is_active: m.is_active ?? false, is_completed: m.is_completed ?? false}
    return {
      ...m,
      id: m.id ?? i + 1,
      name: String(m.name),
      type: m.type ?? 'regular',
      ...flags,
      status: m.status ?? assumptions.mailingStatus(flags),
      data_type: m.data_type ?? 'list',
      data_id: m.data_id ?? 0,
      subid: m.subid ?? '',
      for_confirm: m.for_confirm ?? false,
      ui_tags: m.ui_tags ?? [],
      groups: m.groups ?? [...assumptions.defaultGroups],
    }
  })
  const getIncludesTypeFlags = s.getIncludesTypeFlags ?? assumptions.getIncludesTypeFlags
  // Profiles without an id are numbered after the highest seeded one.
  let nextProfile = Math.max(0, ...(s.profiles ?? []).map((p) => p.id ?? 0)) + 1
  const profiles = (s.profiles ?? []).map((p): StoredProfile => ({...p, id: p.id ?? nextProfile++, list_id: p.list_id}))
  return {apiKeys: s.apiKeys ?? [], databases: s.databases ?? [], segments, campaigns, profiles, nextSegmentId: next, getIncludesTypeFlags}
}

/** A block as the server stores it: defaults for left-out fields, defaults inside every query. */
export function withBlockDefaults(block: Partial<StoredBlock>, listId?: number): StoredBlock {
  const d = assumptions.blockDefaults
  return {
    condition: block.condition ?? 'and',
    limit: block.limit ?? d.limit,
    list_id: block.list_id ?? listId ?? 1,
    percent_from: block.percent_from ?? d.percent_from,
    percent_to: block.percent_to ?? d.percent_to,
    queries: (block.queries ?? []).map(withQueryDefaults),
  }
}

/** `child: []` and `condition: ""` where missing, at every depth (segments/get example). */
export function withQueryDefaults(query: Partial<StoredQuery>): StoredQuery {
  const {child, condition, ...rest} = query
  return {
    ...(rest as StoredQuery),
    child: (child ?? []).map(withQueryDefaults),
    condition: condition ?? assumptions.queryDefaults.condition,
  }
}
