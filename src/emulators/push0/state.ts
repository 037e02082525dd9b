/**
 * The Push0 emulator's state. It is also the seed format (`emulatorSeed`, `--state`): segments as
 * the list endpoint shows them, plus the keys it accepts and how writes answer.
 */
import {randomBytes} from 'node:crypto'
import {assumptions} from './assumptions.js'
import {parseConstraints} from './rules.js'

export interface StoredConstraint {
  field: string
  /** As sent: a table symbol or an upper-case alias. */
  relation: string
  value: string | number
}

export interface StoredGroup {
  type: 'AND' | 'OR'
  constraints: StoredConstraint[]
}

export interface StoredSegment {
  id: string
  name: string
  description: string | null
  constraints: StoredGroup[]
  /** Epoch ms; null until the first update. */
  updatedAt: number | null
  /** Epoch ms. */
  createdAt: number
}

export type WriteResponse = 'text' | 'json-string' | 'object'

export interface Push0State {
  /** Accepted API keys; when empty, any Bearer token is accepted. */
  apiKeys: string[]
  /** Keys that may read but not write (answered 403 on writes). */
  readOnlyKeys: string[]
  /** How create and update answer (see assumptions.defaultWriteResponse). */
  writeResponse: WriteResponse
  segments: StoredSegment[]
}

export function emptyState(): Push0State {
  return {apiKeys: [], readOnlyKeys: [], writeResponse: assumptions.defaultWriteResponse, segments: []}
}

/** A seed or saved state, with ids and timestamps filled in where the seed left them out. */
export function loadState(seed: unknown): Push0State {
  const s = (seed ?? {}) as Partial<Omit<Push0State, 'segments'>> & {segments?: Array<Partial<StoredSegment>>}
  const now = Date.now()
  return {
    apiKeys: s.apiKeys ?? [],
    readOnlyKeys: s.readOnlyKeys ?? [],
    writeResponse: s.writeResponse ?? assumptions.defaultWriteResponse,
    segments: (s.segments ?? []).map((seg) => ({
      id: seg.id ?? newId(),
      name: String(seg.name),
      description: seg.description ?? assumptions.missingDescription,
      constraints: seededConstraints(seg),
      updatedAt: seg.updatedAt ?? null,
      createdAt: seg.createdAt ?? now,
    })),
  }
}

/** A seed holds only what the API would have accepted: a bad one fails loudly instead of emulating the impossible. */
function seededConstraints(seg: Partial<StoredSegment>): StoredGroup[] {
  const parsed = parseConstraints(seg.constraints ?? [])
  if ('error' in parsed) throw new Error(`Push0 emulator seed: segment ${JSON.stringify(seg.name)}: ${parsed.error}`)
  return parsed.groups
}

export function newId(): string {
  return assumptions.idPrefix + randomBytes(16).toString('base64url').slice(0, assumptions.idLength)
}
