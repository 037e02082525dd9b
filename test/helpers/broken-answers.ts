/**
 * Every read and write route of a vendor, answered the ways a real vendor might answer that its
 * documents do not say: another wrapper, an HTML page with 200, an empty body, a required field
 * missing, a null item, an id of the wrong type, an error inside a 2xx. The emulator serves them
 * (fault `answer`); each vendor's contract test states its routes and a valid answer for each, and
 * `brokenAnswers` derives the broken ones from it.
 */
import {expect} from 'vitest'
import {SegsyncError, UncertainWriteError} from '../../src/errors.js'
import type {ProviderClient} from '../../src/core/provider.js'
import type {RunningEmulator} from '../../src/emulators/shared/server.js'

export type JsonPath = Array<string | number>

export interface Route {
  /** "segment list", "campaign detail"… */
  name: string
  method: string
  path: string | RegExp
  kind: 'read' | 'write'
  /** A valid answer, as the vendor documents it. */
  valid: unknown
  /** Where the first item is (a list answer), or the object that carries the id. */
  item: JsonPath
  /** The id's key in that item, and a value of the wrong type for it. */
  id: {key: string; wrong: unknown}
  /** A field the contract requires in that item (besides the id). */
  required: string
  /** The client call that reaches this route. */
  run(client: ProviderClient): Promise<unknown>
}

export interface BrokenAnswer {
  kind: string
  body: string
  contentType?: string
}

const at = (value: unknown, path: JsonPath): unknown => path.reduce<unknown>((v, k) => (v as Record<string | number, unknown> | null)?.[k], value)

function edited(valid: unknown, path: JsonPath, edit: (parent: Record<string | number, unknown>, key: string | number) => void): unknown {
  const copy = structuredClone(valid)
  const parent = at(copy, path.slice(0, -1)) as Record<string | number, unknown>
  edit(parent, path[path.length - 1]!)
  return copy
}

/** The seven broken answers for a route, plus the vendor's own error-inside-2xx envelope. */
export function brokenAnswers(route: Route, errorInside2xx: string): BrokenAnswer[] {
  const json = (value: unknown) => JSON.stringify(value)
  const whole = route.item.length === 0
  return [
    {kind: 'another wrapper', body: json({result: route.valid})},
    {kind: 'an HTML page with 200', body: '<!DOCTYPE html><html><head><title>Sign in</title></head><body>Please sign in</body></html>', contentType: 'text/html; charset=utf-8'},
    {kind: 'an empty body', body: ''},
    {kind: 'a required field missing', body: json(edited(route.valid, [...route.item, route.required], (p, k) => delete p[k]))},
    {kind: 'a null item', body: whole ? 'null' : json(edited(route.valid, route.item, (p, k) => (p[k] = null)))},
    {kind: 'an id of the wrong type', body: json(edited(route.valid, [...route.item, route.id.key], (p, k) => (p[k] = route.id.wrong)))},
    {kind: 'an error inside a 2xx', body: errorInside2xx},
  ]
}

/**
 * What a broken answer must lead to: a SegsyncError that names the vendor (never a TypeError or a
 * silent success); for a write, an error that says it may have landed or the vendor's refusal.
 */
export async function expectClearFailure(promise: Promise<unknown>, vendor: string, route: Route, answer: BrokenAnswer): Promise<SegsyncError> {
  let error: unknown
  try {
    await promise
  } catch (e) {
    error = e
  }
  const label = `${route.name}: ${answer.kind}`
  expect(error, `${label} was taken as a good answer`).toBeDefined()
  expect(error, `${label}: ${String(error)}`).toBeInstanceOf(SegsyncError)
  expect((error as Error).message, label).toContain(vendor)
  expect((error as Error).message, label).not.toMatch(/Cannot read properties|is not a function|undefined is not/)
  if (route.kind === 'write' && answer.kind !== 'an error inside a 2xx') expect(error, label).toBeInstanceOf(UncertainWriteError)
  return error as SegsyncError
}

/** Serve `answer` on `route` for the next request (the write lands first: `commit`). */
export function serveBroken(emulator: RunningEmulator, route: Route, answer: BrokenAnswer): void {
  emulator.faults.clear()
  emulator.faults.add({method: route.method, path: route.path, times: 1, fault: {type: 'answer', status: 200, body: answer.body, contentType: answer.contentType, commit: route.kind === 'write'}})
}

/**
 * The pipeline as apply runs it (plan, then writes), with a broken answer on `route`: it must stop
 * before its first write. Returns the error it stopped with.
 */
export async function applyStopsBeforeWriting(options: {emulator: RunningEmulator; provider: string; keyEnv: string; key: string; definitions: Record<string, object>; route: Route; answer: BrokenAnswer; isWrite?: (r: {method: string; path: string}) => boolean}): Promise<unknown> {
  const {tempRepo, jsonConfig} = await import('./temp-repo.js')
  const pipeline = await import('../../src/core/pipeline.js')
  const {wiring} = await import('../../src/connect/wiring.js')
  const files: Record<string, string | object> = {'segsync.config.json': jsonConfig(options.emulator.url, {apiKeyEnv: options.keyEnv}, {campaignImpact: 'warn', unknownUsage: 'warn'}, options.provider)}
  for (const [name, body] of Object.entries(options.definitions)) files[`segments/${name}.json`] = body
  const repo = tempRepo(files)
  const env = {[options.keyEnv]: options.key, SEGSYNC_RETRY_BASE_MS: '1', SEGSYNC_RETRY_MAX_MS: '5', SEGSYNC_MAX_ATTEMPTS: '2'}
  const ctx = {cwd: repo.dir, ...wiring({env}), progress: () => undefined}
  const before = options.emulator.requests.length
  options.emulator.faults.clear()
  options.emulator.faults.add({method: options.route.method, path: options.route.path, fault: {type: 'answer', status: 200, body: options.answer.body, contentType: options.answer.contentType}})
  let error: unknown
  try {
    const prepared = await pipeline.prepare(ctx)
    const run = await pipeline.plan(ctx, prepared)
    try {
      await pipeline.apply(run, {allowDelete: true, allowCampaignImpact: true, concurrency: 4})
    } finally {
      await run.close()
    }
  } catch (e) {
    error = e
  }
  options.emulator.faults.clear()
  const isWrite = options.isWrite ?? ((r: {method: string}) => r.method !== 'GET')
  const writes = options.emulator.requests.slice(before).filter(isWrite)
  expect(writes, `${options.route.name}: ${options.answer.kind} was followed by writes`).toEqual([])
  expect(error, `${options.route.name}: ${options.answer.kind} did not stop the apply`).toBeInstanceOf(SegsyncError)
  return error
}
