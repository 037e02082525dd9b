/**
 * The Sequenzy emulator's state. It is also the seed format (`emulatorSeed`, `--state`): segments,
 * campaigns and sequences as the API shows them, and the subscribers /count counts.
 */
import {randomBytes} from 'node:crypto'
import type {SequenzyProfile} from '../../generated/sequenzy-profile.js'

export interface StoredGroup {
  kind: 'group'
  id: string
  joinOperator: 'and' | 'or'
  children: Array<StoredGroup | StoredLeaf>
}

export interface StoredLeaf {
  kind: 'filter'
  id: string
  field: string
  operator: string
  value?: string
}

export interface StoredSegment {
  id: string
  name: string
  root: StoredGroup
  createdAt: string
  updatedAt: string
}

export interface StoredCampaign {
  id: string
  name: string
  subject?: string
  status: string
  labels?: string[]
  scheduledAt?: string | null
  sentAt?: string | null
  createdAt?: string
  /** Raw audience targeting (ids only), null when unset. */
  targetLists?: unknown
}

export interface StoredSequence {
  id: string
  name: string
  status: string
  effectiveStatus: string
  trigger?: {type: string; segmentId?: string; stopOnSegmentExit?: boolean; [k: string]: unknown}
  stopCondition?: {type: string; value?: string} | null
}

export interface SequenzyState {
  /** Accepted API keys; when empty, any Bearer token is accepted. */
  apiKeys: string[]
  segments: StoredSegment[]
  campaigns: StoredCampaign[]
  sequences: StoredSequence[]
  /** Subscribers, shaped as `segsync test` profiles (schemas/sequenzy/profile.schema.json): /count evaluates segments over them. */
  subscribers: SequenzyProfile[]
  /** The clock for relative filters ("30d") in /count, ISO 8601; the real time when absent (a seed sets it so its counts stay put). */
  now?: string
}

export function emptyState(): SequenzyState {
  return {apiKeys: [], segments: [], campaigns: [], sequences: [], subscribers: []}
}

/** A seed or saved state, with ids and timestamps filled in where the seed left them out. */
export function loadState(seed: unknown): SequenzyState {
  type SeedSegment = Partial<StoredSegment> & {filters?: unknown[]; filterJoinOperator?: string}
  const s = (seed ?? {}) as Omit<Partial<SequenzyState>, 'segments'> & {segments?: SeedSegment[]}
  const now = new Date().toISOString()
  return {
    apiKeys: s.apiKeys ?? [],
    segments: (s.segments ?? []).map((seg) => ({
      id: seg.id ?? newId('seg'),
      name: String(seg.name),
      root: withIds(seg.root ?? legacyRoot(seg.filters ?? [], seg.filterJoinOperator), 'root'),
      createdAt: seg.createdAt ?? now,
      updatedAt: seg.updatedAt ?? now,
    })),
    campaigns: s.campaigns ?? [],
    sequences: s.sequences ?? [],
    subscribers: s.subscribers ?? [],
    ...(s.now !== undefined ? {now: s.now} : {}),
  }
}

export function legacyRoot(filters: unknown[], join?: string): StoredGroup {
  return {
    kind: 'group',
    id: 'root',
    joinOperator: join === 'or' ? 'or' : 'and',
    children: filters.map((f) => ({...(f as StoredLeaf), kind: 'filter'})),
  }
}

/** Sequenzy generates ids for groups and filters that have none ("one will be generated if omitted"). */
export function withIds(node: StoredGroup, fallbackId?: string): StoredGroup {
  return {
    kind: 'group',
    id: node.id ?? fallbackId ?? newId('group'),
    joinOperator: node.joinOperator,
    children: node.children.map((child) =>
      child.kind === 'group' ? withIds(child) : {...child, kind: 'filter', id: child.id ?? newId('filter')},
    ),
  }
}

export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(8).toString('base64url').replace(/[-_]/g, '').slice(0, 10)}`
}
