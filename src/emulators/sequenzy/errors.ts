/**
 * Sequenzy's answers: errors are `{success: false, error}` (vendors.md §3.4); a taken segment name
 * is a 409 that also carries `code` and `docsUrl` (§3.3).
 */
import type {EmulatorResponse} from '../shared/server.js'

const DOCS = 'https://docs.sequenzy.com/api-reference/segments/create'

/** A request that already failed, carrying the response to send. */
export class Fail {
  constructor(readonly response: EmulatorResponse) {}
}

export function nameTaken(name: string): EmulatorResponse {
  return {
    status: 409,
    body: {success: false, error: `A saved segment named "${name}" already exists in this company.`, code: 'SEGMENT_NAME_ALREADY_EXISTS', docsUrl: DOCS},
  }
}

export function ok(body: unknown): EmulatorResponse {
  return {status: 200, body}
}

export function error(status: number, message: string): EmulatorResponse {
  return {status, body: {success: false, error: message}}
}
