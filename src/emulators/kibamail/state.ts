/**
 * The Kibamail emulator's state, which is also the seed format (`emulatorSeed`, `--state`):
 * scoped API keys, segments (in creation order: the API lists them newest first), topics, custom
 * contact properties and contacts (for /v1/contacts/search).
 */
import {randomBytes} from 'node:crypto'
import {assumptions} from './assumptions.js'

export interface ApiKey {
  key: string
  scopes: string[]
}

export interface StoredSegment {
  id: string
  name: string
  description: string | null
  /** As written: the documented form, or raw MongoDB syntax for segments made in the Kibamail app. */
  conditions: unknown
  createdAt: string
  updatedAt: string
}

export interface StoredTopic {
  id: string
  name: string
  slug: string
  description: string | null
  visibility: 'PUBLIC' | 'PRIVATE'
  defaultOptIn: boolean
}

export interface StoredProperty {
  id: string
  /** The key used in conditions and contact objects (snake_case). */
  name: string
  type: 'STRING' | 'NUMBER' | 'DATE' | 'BOOLEAN'
}

export interface StoredContact {
  id: string
  email: string
  firstName?: string | null
  lastName?: string | null
  country?: string | null
  status?: string
  /** Custom property values by property name. */
  properties?: Record<string, unknown>
  /** Ids of the topics the contact is subscribed to. */
  topics?: string[]
  createdAt?: string
  [builtIn: string]: unknown
}

export interface KibamailState {
  /** Accepted keys and their scopes; when empty, any `kb_` key has every scope. */
  apiKeys: ApiKey[]
  segments: StoredSegment[]
  topics: StoredTopic[]
  properties: StoredProperty[]
  contacts: StoredContact[]
}

export function emptyState(): KibamailState {
  return {apiKeys: [], segments: [], topics: [], properties: [], contacts: []}
}

type Seed = Partial<Omit<KibamailState, 'apiKeys' | 'segments' | 'topics' | 'properties'>> & {
  /** A bare string is a key with every scope. */
  apiKeys?: Array<string | ApiKey>
  segments?: Array<Partial<StoredSegment> & {name: string}>
  topics?: Array<Partial<StoredTopic> & {name: string}>
  properties?: Array<Partial<StoredProperty> & {name: string}>
}

/** A seed or saved state, with ids, timestamps and defaults filled in where the seed left them out. */
export function loadState(seed: unknown): KibamailState {
  const s = (seed ?? {}) as Seed
  const now = new Date().toISOString()
  return {
    apiKeys: (s.apiKeys ?? []).map((k) => (typeof k === 'string' ? {key: k, scopes: [...assumptions.allScopes]} : {key: k.key, scopes: [...k.scopes]})),
    segments: (s.segments ?? []).map((seg) => ({
      id: seg.id ?? newId(assumptions.idPrefix.segment),
      name: seg.name,
      description: seg.description ?? null,
      conditions: seg.conditions,
      createdAt: seg.createdAt ?? now,
      updatedAt: seg.updatedAt ?? now,
    })),
    topics: (s.topics ?? []).map((t) => ({
      id: t.id ?? newId(assumptions.idPrefix.topic),
      name: t.name,
      slug: t.slug ?? t.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, ''),
      description: t.description ?? null,
      visibility: t.visibility ?? 'PUBLIC',
      defaultOptIn: t.defaultOptIn ?? false,
    })),
    properties: (s.properties ?? []).map((p) => ({id: p.id ?? newId('prop'), name: p.name, type: p.type ?? 'STRING'})),
    contacts: (s.contacts ?? []).map((c) => ({...c, id: c.id ?? newId(assumptions.idPrefix.contact)})),
  }
}

/** What conditions may name: built-in contact fields, custom properties ("Conditions are validated against property schemas"), topics. */
export function known(state: KibamailState) {
  return {
    field: (name: string) => (assumptions.builtInFields as readonly string[]).includes(name) || state.properties.some((p) => p.name === name),
    topic: (id: string) => state.topics.some((t) => t.id === id),
  }
}

export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(9).toString('base64url').replace(/[-_]/g, '').slice(0, 12)}`
}
