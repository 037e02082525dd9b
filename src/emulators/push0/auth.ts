/**
 * Push0's key check (vendors.md §4.2): "Authorization | Bearer YOUR_API_KEY" on every request;
 * read-only keys (assumptions.readOnlyKeyWriteStatus) may read but not write.
 */
import type {EmulatorRequest, EmulatorResponse} from '../shared/server.js'
import {assumptions} from './assumptions.js'
import {error} from './errors.js'
import type {Push0State} from './state.js'

export function authError(state: Push0State, req: EmulatorRequest): EmulatorResponse | undefined {
  const token = tokenOf(req)
  const known = token !== undefined && (state.apiKeys.length === 0 || state.apiKeys.includes(token) || state.readOnlyKeys.includes(token))
  return known ? undefined : error(401, 'Unauthorized: incorrect or not found API key. Send Authorization: Bearer YOUR_API_KEY.')
}

/** The 403 for a write with a read-only key, or undefined. */
export function writeError(state: Push0State, req: EmulatorRequest): EmulatorResponse | undefined {
  if (state.readOnlyKeys.includes(tokenOf(req) ?? '')) return error(assumptions.readOnlyKeyWriteStatus, 'Forbidden: this API key may not modify segments')
  return undefined
}

function tokenOf(req: EmulatorRequest): string | undefined {
  return /^Bearer\s+(\S+)$/i.exec(String(req.headers.authorization ?? ''))?.[1]
}
