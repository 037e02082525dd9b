/**
 * Sequenzy's key check (vendors.md §3.2): `Authorization: Bearer YOUR_API_KEY` on every request.
 */
import type {EmulatorRequest, EmulatorResponse} from '../shared/server.js'
import {error} from './errors.js'
import type {SequenzyState} from './state.js'

/** The 401 to answer, or undefined when the key is accepted. */
export function authError(state: SequenzyState, req: EmulatorRequest): EmulatorResponse | undefined {
  const auth = String(req.headers.authorization ?? '')
  const token = /^Bearer\s+(\S+)$/i.exec(auth)?.[1]
  if (!token || (state.apiKeys.length > 0 && !state.apiKeys.includes(token))) {
    return error(401, 'Invalid or missing API key. Send Authorization: Bearer YOUR_API_KEY.')
  }
  return undefined
}
