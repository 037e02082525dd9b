/**
 * Altcraft's token check (vendors.md §5.2): "API token must be sent in request parameters"
 * (`token` in the JSON body), or, in newer docs, `Authorization: Bearer <token>`. No token at all
 * is a real HTTP 401; a wrong one is the envelope's 401 under HTTP 200.
 */
import type {EmulatorRequest, EmulatorResponse} from '../shared/server.js'
import {assumptions} from './assumptions.js'
import {failure} from './errors.js'
import type {Params} from './params.js'
import type {AltcraftState} from './state.js'

/** The refusal to answer, or undefined when the token is accepted. */
export function authError(state: AltcraftState, params: Params, req: EmulatorRequest): EmulatorResponse | undefined {
  const c = assumptions.codes
  const token = tokenOf(params, req)
  if (!token) return failure(c.unauthorized, 'API token required', assumptions.missingTokenHttpStatus)
  if (state.apiKeys.length > 0 && !state.apiKeys.includes(token)) return failure(c.unauthorized, 'Invalid API token')
  return undefined
}

function tokenOf(params: Params, req: EmulatorRequest): string | undefined {
  if (typeof params.token === 'string' && params.token !== '') return params.token
  if (!assumptions.acceptBearerHeader) return undefined
  return /^Bearer\s+(\S+)$/i.exec(String(req.headers.authorization ?? ''))?.[1]
}
