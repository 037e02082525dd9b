/**
 * Runs segsync's pipeline in-process (the same functions the commands call) against a fixture's
 * emulator in a temp repo, with short timeouts and backoff so the matrix stays fast.
 */
import {rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import type {ApplyReport} from '../../src/generated/apply-report.js'
import {exitCodeOf, SegsyncError} from '../../src/errors.js'
import * as pipeline from '../../src/core/pipeline.js'
import {wiring} from '../../src/connect/wiring.js'
import {readSavedPlan} from '../../src/core/apply/saved-plan.js'
import type {LoggedRequest, RunningEmulator} from '../../src/emulators/shared/server.js'
import {jsonConfig, tempRepo, type TempRepo} from '../helpers/temp-repo.js'
import type {SegmentSpec, VendorFixture} from './fixtures.js'

export const names = (n: number, prefix = 'S') => Array.from({length: n}, (_, i) => `${prefix}${String(i + 1).padStart(2, '0')}`)

export interface ApplyFlags {
  allowDelete?: boolean
  allowCampaignImpact?: boolean
  confirmDelete?: number
  parallelism?: number
  stopped?: () => boolean
  planFile?: string
}

export interface World {
  emulator: RunningEmulator
  repo: TempRepo
  fx: VendorFixture
  /** Replace every definition file. */
  define(specs: Array<SegmentSpec | {name: string; ensure: 'absent'; protected?: boolean}>): void
  plan(out?: string): Promise<{code: number; document?: Awaited<ReturnType<typeof pipeline.plan>>['document']; error?: SegsyncError}>
  apply(flags?: ApplyFlags): Promise<{code: number; report?: ApplyReport; error?: SegsyncError}>
  /** Requests that change state, from request index `from` on. */
  writes(from?: number): LoggedRequest[]
  /** Requests so far (a mark for `writes(from)`). */
  mark(): number
}

export const fastEnv = {SEGSYNC_TIMEOUT_MS: '400', SEGSYNC_RETRY_BASE_MS: '5', SEGSYNC_RETRY_MAX_MS: '20'}

export interface WorldOptions {
  campaignOn?: string
  prune?: boolean
  env?: Record<string, string>
  /** The workspace's client budget. Default: generous, so rows that are not about rate limits run fast. */
  rateLimit?: {perSecond?: number; perMinute?: number}
  /** The emulator's enforced budget (429 beyond it). Default: none. */
  vendorRateLimit?: {perSecond?: number; perMinute?: number}
}

export async function world(fx: VendorFixture, remote: SegmentSpec[], options: WorldOptions = {}): Promise<World> {
  const emulator = await fx.start(remote, {campaignOn: options.campaignOn, rateLimit: options.vendorRateLimit})
  const workspace = {apiKeyEnv: fx.keyEnv, rateLimit: options.rateLimit ?? {perSecond: 10_000}, ...(options.prune ? {prune: true} : {})}
  const repo = tempRepo({'segsync.config.json': jsonConfig(emulator.url, workspace, undefined, fx.id)})
  const env = {...fastEnv, [fx.keyEnv]: fx.key, ...options.env}
  const ctx = (): pipeline.RunContext => ({cwd: repo.dir, ...wiring({env}), progress: () => undefined})
  let files: string[] = []
  return {
    emulator,
    repo,
    fx,
    define(specs) {
      for (const f of files) rmSync(join(repo.dir, f))
      repo.write('segments/.keep', '')
      files = specs.map((spec, i) => {
        const file = `segments/def-${String(i).padStart(3, '0')}.json`
        repo.write(file, 'ensure' in spec ? spec : fx.definition(spec))
        return file
      })
    },
    async plan(out) {
      try {
        const prepared = await pipeline.prepare(ctx())
        if (prepared.problems.length) throw new SegsyncError(prepared.problems.map((p) => `${p.file}: ${p.message}`).join('\n'))
        const run = await pipeline.plan(ctx(), prepared)
        await run.close()
        if (out) writeFileSync(join(repo.dir, out), JSON.stringify(run.document))
        return {code: 0, document: run.document}
      } catch (error) {
        if (error instanceof SegsyncError) return {code: error.exitCode, error}
        throw error
      }
    },
    async apply(flags = {}) {
      const c = ctx()
      try {
        const saved = flags.planFile ? await readSavedPlan(join(repo.dir, flags.planFile)) : undefined
        const prepared = await pipeline.prepare(c)
        const run = await pipeline.plan(c, prepared)
        try {
          if (saved && pipeline.verifySavedPlan(saved, run, flags.planFile!) === 'already-applied') return {code: 0}
          const {report, outcomes} = await pipeline.apply(run, {
            allowDelete: flags.allowDelete ?? false,
            allowCampaignImpact: flags.allowCampaignImpact ?? false,
            confirmDelete: flags.confirmDelete,
            concurrency: flags.parallelism ?? 8,
            stopped: flags.stopped,
          })
          return {code: pipeline.applyExitCode(report, outcomes), report}
        } finally {
          await run.close()
        }
      } catch (error) {
        if (error instanceof SegsyncError) return {code: exitCodeOf(error), error}
        throw error
      }
    },
    writes: (from = 0) => emulator.requests.slice(from).filter((r) => (fx.isWrite ? fx.isWrite(r) : r.method !== 'GET')),
    mark: () => emulator.requests.length,
  }
}

/** Outcome statuses by segment name. */
export function statuses(report: ApplyReport | undefined): Record<string, string> {
  return Object.fromEntries((report?.workspaces ?? []).flatMap((w) => w.outcomes.map((o) => [o.name, o.status])))
}
