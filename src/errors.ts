/**
 * The one error hierarchy. Every error a user can meet carries its exit code (design.md §2.4) and,
 * where we know one, a hint saying what to do. Commands throw; the base command maps to the exit code.
 */
import type {Problem} from './core/model.js'

export const ExitCode = {
  ok: 0,
  error: 1,
  changesPending: 2,
  invalid: 3,
  auth: 4,
  retriesExhausted: 5,
  blocked: 6,
  stale: 7,
  partial: 8,
  usage: 64,
} as const
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode]

export class SegsyncError extends Error {
  readonly exitCode: ExitCodeValue = ExitCode.error
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message)
    this.name = new.target.name
  }
}

/** Config file missing, unreadable or invalid. */
export class ConfigError extends SegsyncError {
  override readonly exitCode = ExitCode.invalid
}

/** Definitions or config did not validate: carries every problem found in the run. */
export class InvalidDefinitionsError extends SegsyncError {
  override readonly exitCode = ExitCode.invalid
  constructor(readonly problems: Problem[]) {
    const files = new Set(problems.map((p) => p.file)).size
    super(`${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}; nothing was sent to any vendor`)
  }
}

/** The vendor refused our credentials or their scope (401/403), or no key was given. */
export class AuthError extends SegsyncError {
  override readonly exitCode = ExitCode.auth
  constructor(
    message: string,
    hint?: string,
    /** The HTTP status and parsed body, when the refusal came from the vendor. */
    readonly status?: number,
    readonly body?: unknown,
  ) {
    super(message, hint)
  }
}

/** Retries ran out (429, 5xx, connection errors). */
export class RetriesExhaustedError extends SegsyncError {
  override readonly exitCode = ExitCode.retriesExhausted
}

/** A policy refused the apply before its first write. */
export class PolicyBlockedError extends SegsyncError {
  override readonly exitCode = ExitCode.blocked
}

/** A saved plan no longer matches the remote, its campaigns or the definitions. */
export class StalePlanError extends SegsyncError {
  override readonly exitCode = ExitCode.stale
}

/** Some changes were applied and some failed or were not attempted. */
export class PartialApplyError extends SegsyncError {
  override readonly exitCode = ExitCode.partial
}

/** Wrong flags or arguments, or an interactive step that cannot run here. */
export class UsageError extends SegsyncError {
  override readonly exitCode = ExitCode.usage
}

/** The vendor answered with an error we cannot recover from (4xx other than auth). */
export class VendorError extends SegsyncError {
  constructor(
    message: string,
    readonly status?: number,
    /** The vendor's parsed error body, for providers that branch on its code. */
    readonly body?: unknown,
    hint?: string,
  ) {
    super(message, hint)
  }
}

/**
 * The vendor's endpoint failed the TLS handshake: its certificate could not be verified, or it does
 * not speak TLS. No request left the machine, and trying again changes nothing: never retried.
 */
export class TlsRefusedError extends SegsyncError {}

/**
 * A write whose outcome is unknown: the connection failed or timed out after the request left.
 * Creates that end like this are reconciled by reading, never by sending again.
 */
export class AmbiguousWriteError extends SegsyncError {
  constructor(
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message)
  }
}

/** Where an answer left its contract: what the message and `--json` error carry. */
export interface ContractBreach {
  vendor: string
  /** "GET /api/v1/segments". */
  route: string
  /** JSON pointer inside the answer ("" for the whole body). */
  path: string
  expected: string
  /** What came instead, cut short and redacted. */
  got: string
}

/**
 * A vendor answered outside the contract segsync relies on (schemas/<vendor>/responses.schema.json):
 * another envelope, a missing field, a value of the wrong type, a page of HTML. Raised before any
 * write, so nothing was written; "could not read" never becomes "nothing there".
 */
export class ContractError extends SegsyncError {
  constructor(readonly breach: ContractBreach) {
    super(
      `${breach.vendor} answered ${breach.route} outside the contract segsync relies on: at ${breach.path || '(the whole body)'} expected ${breach.expected}, got ${breach.got}. Nothing was written.`,
      `Run \`segsync doctor\` to check this account's API against what segsync expects, and send us its report (it is redacted).`,
    )
  }
}

/**
 * A write whose answer segsync cannot trust (outside its contract): it may or may not have landed.
 * Apply re-reads the segment to learn what did, starts no new work, and reports the change as
 * uncertain (exit 8).
 */
export class UncertainWriteError extends SegsyncError {
  constructor(
    message: string,
    readonly breach?: ContractBreach,
  ) {
    super(message)
  }
}

export function exitCodeOf(error: unknown): number {
  if (error instanceof SegsyncError) return error.exitCode
  return ExitCode.error
}
