/**
 * Building blocks for each vendor's `doctor()`: a probe runs one read and turns what happened into
 * a check. A refusal, an answer outside its contract or a network failure is a `fail` when segsync
 * relies on the probed fact, and says why in one line.
 */
import {AuthError, ContractError, SegsyncError} from '../../errors.js'
import type {DoctorCheck} from '../../core/provider.js'
import {redact} from '../../util/redact.js'

export type Verdict = {status: DoctorCheck['status']; message: string}

export interface ProbeSpec {
  id: string
  title: string
  basis: string
  /** What a thrown error means here: 'fail' (segsync relies on it) or 'skip' (an optional fact). */
  onError?: 'fail' | 'skip'
}

export async function probe(spec: ProbeSpec, run: () => Promise<Verdict | string>): Promise<DoctorCheck> {
  const {id, title, basis} = spec
  try {
    const verdict = await run()
    return typeof verdict === 'string' ? {id, title, status: 'pass', message: verdict, basis} : {id, title, ...verdict, basis}
  } catch (error) {
    return {id, title, status: spec.onError ?? 'fail', message: redact(errorLine(error)), basis}
  }
}

/** The one line a failed probe reports. */
function errorLine(error: unknown): string {
  if (error instanceof ContractError) {
    const b = error.breach
    return `${b.route} answered outside its contract: at ${b.path || '(the whole body)'} expected ${b.expected}, got ${b.got}`
  }
  if (error instanceof AuthError) return `refused: ${error.message}`
  if (error instanceof SegsyncError) return error.message
  return error instanceof Error ? error.message : String(error)
}

/** Rate-limit headers a vendor sent, by name (RateLimit-*, X-RateLimit-*, Retry-After). */
export function rateLimitHeaders(headers: Record<string, string>): string[] {
  return Object.keys(headers).filter((h) => /^(x-)?rate-?limit|^retry-after$/i.test(h)).sort()
}

/** The optional fact every vendor shares: does it say how much of its budget is left? */
export function rateLimitCheck(seen: string[], documented: string): DoctorCheck {
  return {
    id: 'rate-limit-headers',
    title: 'Rate-limit headers',
    status: seen.length ? 'pass' : 'skip',
    message: seen.length ? `the vendor sends ${seen.join(', ')}` : 'no rate-limit headers seen on the reads above; segsync keeps to its own budget and honours Retry-After on 429',
    basis: documented,
  }
}

/**
 * The checks every vendor starts from, through the client's own reads (so each answer meets its
 * contract on the way): the segment list (the key may read it; pages end), and campaign usage
 * (readable, or unknown for a stated reason, which segsync handles by policy).
 */
export async function readChecks(reads: {listSegments(): Promise<unknown[]>; campaignUsage(): Promise<{known: true; read: number} | {known: false; reason: string}>}, basis: {segments: string; campaigns: string}): Promise<DoctorCheck[]> {
  return [
    await probe({id: 'segments-list', title: 'Segment list', basis: basis.segments}, async () => {
      const all = await reads.listSegments()
      return `the key may read segments; ${all.length} segment${all.length === 1 ? '' : 's'} read to the last page, every answer inside the contract`
    }),
    await probe({id: 'campaigns', title: 'Campaign usage', basis: basis.campaigns}, async () => {
      const usage = await reads.campaignUsage()
      if (usage.known) return `${usage.read} active campaign${usage.read === 1 ? '' : 's'} read, every answer inside the contract`
      return {status: 'skip', message: `${usage.reason}: every change will say campaign usage cannot be verified (policy.unknownUsage decides)`}
    }),
  ]
}
