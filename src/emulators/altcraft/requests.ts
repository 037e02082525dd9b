/**
 * What every Altcraft call's body must be before its parameters are read (vendors.md §5.2): JSON,
 * an object, and `format` (optional, "By default – json") one this emulator serves. Reading single
 * parameters by type is params.ts.
 */
import type {EmulatorRequest, EmulatorResponse} from '../shared/server.js'
import {assumptions} from './assumptions.js'
import {failure} from './errors.js'
import type {Params} from './params.js'

export function readParams(req: EmulatorRequest): {params: Params} | {response: EmulatorResponse} {
  const c = assumptions.codes
  if (req.jsonError) return {response: failure(c.badRequest, 'Incorrect request: the body is not valid JSON')}
  const params = (req.json ?? {}) as Params
  if (typeof params !== 'object' || Array.isArray(params)) return {response: failure(c.badRequest, 'Incorrect request: the body must be a JSON object')}
  return {params}
}

export function formatError(params: Params): EmulatorResponse | undefined {
  if (params.format !== undefined && !(assumptions.formats as readonly unknown[]).includes(params.format)) {
    return failure(assumptions.codes.badRequest, `format ${JSON.stringify(params.format)} is not served by this emulator; use "json"`)
  }
  return undefined
}
