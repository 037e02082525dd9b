import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const BIN = join(ROOT, 'bin', 'run.js')
/** Loaded into a process measured for its usage: it writes its peak RSS and CPU time on exit. */
const USAGE_HOOK = join(ROOT, 'bench', 'lib', 'report-usage.mjs')

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

export const round = (n, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits

/** The first and third quartiles of `values` (nearest rank): how far a median's rounds spread. */
export function quartiles(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]
  return [at(0.25), at(0.75)]
}

/** Wall time of one process run, in ms. */
export function timeProcess(args, options = {}) {
  const started = performance.now()
  const result = spawnSync(process.execPath, args, {encoding: 'utf8', ...options, env: {...process.env, NO_COLOR: '1', ...options.env}})
  const ms = performance.now() - started
  if (result.status !== 0 && !options.allowFailure) throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr}`)
  return {ms, result}
}

/**
 * `timeProcess`, and what the process used as lib/report-usage.mjs writes it on exit:
 * `usage: {maxRssKb, cpuMs}` (CPU time of every thread, user + system).
 */
export function timeProcessUsage(args, options = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'segsync-bench-usage-'))
  const file = join(dir, 'usage.json')
  try {
    const timed = timeProcess(['--import', USAGE_HOOK, ...args], {...options, env: {...options.env, SEGSYNC_BENCH_USAGE_FILE: file}})
    return {...timed, usage: JSON.parse(readFileSync(file, 'utf8'))}
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
}

/** A temp directory with files (objects are written as JSON), removed by the caller. */
export function tempDir(files = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'segsync-bench-'))
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), {recursive: true})
    writeFileSync(join(dir, file), typeof content === 'string' ? content : JSON.stringify(content, null, 2))
  }
  return {dir, remove: () => rmSync(dir, {recursive: true, force: true})}
}
