/**
 * MailGlyph's key check (vendors.md §1.2): `Authorization: Bearer <key>`, secret keys only.
 */
import type {MailGlyphState} from './state.js'

/** "Secret keys (sk_*) are required for all endpoints except /v1/track" (OpenAPI securitySchemes). */
export function authProblem(state: MailGlyphState, header: string): string | undefined {
  const key = /^Bearer\s+(\S+)$/i.exec(header)?.[1]
  if (!key) return 'Missing API key: send Authorization: Bearer sk_…'
  if (key.startsWith('pk_')) return 'Public keys (pk_*) only work with /v1/track; use a secret key (sk_*)'
  if (!key.startsWith('sk_') || (state.apiKeys.length > 0 && !state.apiKeys.includes(key))) return 'Invalid API key'
  return undefined
}
