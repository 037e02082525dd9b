/**
 * Bearer `kb_…` keys with scopes (vendors.md §2.2): "API keys are scoped to specific permissions".
 * A key that lacks the endpoint's scope gets 401 INSUFFICIENT_SCOPE ("Invalid or missing API key,
 * or API key lacks 'write:segments' scope").
 */
import type {IncomingHttpHeaders} from 'node:http'
import type {EmulatorResponse} from '../shared/server.js'
import {assumptions} from './assumptions.js'
import {apiError} from './errors.js'
import type {KibamailState} from './state.js'

/** The scopes the request's key holds, or the 401 to answer. */
export function authenticate(state: KibamailState, headers: IncomingHttpHeaders): string[] | EmulatorResponse {
  const token = /^Bearer\s+(\S+)$/i.exec(String(headers.authorization ?? ''))?.[1]
  if (!token) return refused('Missing API key. Send Authorization: Bearer kb_…')
  if (!token.startsWith(assumptions.keyPrefix)) return refused('Invalid API key')
  if (state.apiKeys.length === 0) return [...assumptions.allScopes]
  const key = state.apiKeys.find((k) => k.key === token)
  return key ? key.scopes : refused('Invalid API key')
}

/** undefined when the key holds every scope the endpoint requires. */
export function requireScopes(granted: string[], needed: string[]): EmulatorResponse | undefined {
  const holds = (scope: string) =>
    granted.includes(scope) || (assumptions.writeImpliesRead && scope.startsWith('read:') && granted.includes(scope.replace('read:', 'write:')))
  const missing = needed.find((scope) => !holds(scope))
  return missing === undefined ? undefined : apiError(401, 'authentication_error', 'INSUFFICIENT_SCOPE', `API key lacks '${missing}' scope`)
}

function refused(message: string): EmulatorResponse {
  return apiError(401, 'authentication_error', assumptions.invalidKeyCode, message)
}
