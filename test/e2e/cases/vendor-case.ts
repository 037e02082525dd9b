/**
 * One vendor's telling of the stories every vendor tells (test/e2e/vendors.test.ts): the account
 * its emulator starts with, the definition files, and what segsync must say, send and leave
 * behind. Everything here is the vendor's own data; the stories themselves live in the suite.
 */
import type {FaultRule} from '../../../src/emulators/shared/faults.js'
import type {LoggedRequest, RunningEmulator} from '../../../src/emulators/shared/server.js'
import type {ProviderId} from '../../../src/core/provider.js'

export type Files = Record<string, string | object>
export type Seed = Record<string, unknown>
export type Format = 'json' | 'ts'
export type VendorEmulator = RunningEmulator & {state: {segments: Array<{id: unknown; name: string}>}}

/** What an apply sent: creates by name in the order sent, updates and deletes with their paths and bodies. */
export interface Writes {
  creates: string[]
  /** Sorted by path: updates run in parallel. */
  updates: Array<{path: string; body: unknown}>
  deletes: Array<{path: string; body?: unknown}>
}

export interface VendorCase<E extends VendorEmulator = VendorEmulator> {
  provider: ProviderId
  label: string
  /** The key the emulator accepts, in the env var the config names (`<PROVIDER>_API_KEY`). */
  key: string
  /** The vendor's emulator on loopback, seeded with `seed` (and `key`), closed when the test ends. */
  start(seed?: Seed): Promise<E>
  /** The requests that changed state. */
  writes(emulator: E): LoggedRequest[]
  /** Which kind of write a request is (undefined: a write none of the stories expects). */
  writeKind(request: LoggedRequest): keyof Writes | undefined

  /** The account of the plan/apply stories, and the definition files that change it. */
  seed: Seed
  files: Files

  /** `segsync plan`: the lines it prints (each must appear), never prints, or prints n times. */
  plan: {says: string[]; never?: string[]; times?: Record<string, number>}
  /** `segsync plan --json`: the summary, and the impact of one change. */
  json: {summary: Record<string, number>; change: string; impact: unknown}
  /** Apply under `policy` with `flags` is refused (exit 6); `stillRefusedWith` too; `allowedWith` goes through. */
  blocked: {policy?: Record<string, unknown>; flags: string[]; says: string[]; stillRefusedWith?: string[][]; allowedWith: string[]}
  /**
   * Apply with `flags`: the summary line, the writes, the segments afterwards (name → properties
   * that must equal, null: gone). `manual`: steps left for the user before the vendor converges.
   */
  apply: {
    flags: string[]
    summary: string
    says?: string[]
    writes: Writes
    segments: Record<string, object | null>
    check?(emulator: E): void
    manual?: {pending: string; doByHand(emulator: E): void}
  }
  /** A write the vendor rejects (`fault`) mid-apply: each change's outcome, the failure's message, the re-run's summary. */
  partial: {policy?: Record<string, unknown>; flags: string[]; fault: FaultRule; outcomes: Record<string, string>; message: string; rerun: string}
  /** `segsync import` of a messy account: files already there, files written (base names), what import and the files say. */
  import: {
    seed: Seed
    files?: Files
    written: string[]
    says: string[]
    contents?(format: Format): Record<string, {has?: string[]; hasNot?: Array<string | RegExp>}>
  }
  /** The account whose segments, written with the provider's own toDefinition, plan to zero changes (default: the import seed). */
  roundTripSeed?: Seed
  /** A key the vendor would echo in an error (`echo`), a write that fails with it, and what the failing runs still say. */
  secrets: {key: string; seed?: Seed; files: Files; echo(key: string): FaultRule; code: number; says: string[]; json: object}
  /** A key the vendor does not know, and its refusal. */
  refusedKey: {files: Files; key: string; says: string}
  /** `endpoint: 'embedded'` with an optional seed file: the apply summary, and properties the saved state must have. */
  embedded: {seed?: Seed; files: Files; summary: string; saved: Record<string, unknown>}
  /** Definitions with mistakes, and every problem (exit 3) validate, plan and apply report. */
  invalid: {files: Files; problems: Array<string | RegExp>}
}

/** REST vendors: POST creates, PATCH or PUT updates, DELETE deletes. */
export function writeKindByMethod(request: LoggedRequest): keyof Writes | undefined {
  return ({POST: 'creates', PATCH: 'updates', PUT: 'updates', DELETE: 'deletes'} as const)[request.method as 'POST']
}
