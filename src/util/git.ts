/**
 * When a file was last committed, from git, for the plan's drift hint. Never a reason to fail: no
 * git, no repository, an untracked file or a slow answer all mean "unknown". So does a file with
 * uncommitted changes: its diff is the local edit, and the vendor's update time says nothing about
 * it. A folder outside any repository costs no process at all (the `.git` lookup is a few stat calls).
 */
import {execFile} from 'node:child_process'
import {createHash} from 'node:crypto'
import {existsSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import {dirname, join, resolve} from 'node:path'
import pLimit from 'p-limit'

/** Seconds since the epoch of the last commit touching `file`, when the file is as that commit left it; else undefined. */
export type CommitTime = (file: string) => Promise<number | undefined>

export function lastCommitTimes(cwd: string): CommitTime {
  let repo: boolean | undefined
  // A few at a time: a plan with 50 updates should not start 50 processes at once.
  const limit = pLimit(4)
  return async (file) => {
    repo ??= insideRepository(cwd)
    if (!repo) return undefined
    // One call: the commit's time, and (--raw) the blob it left at the path.
    const out = await limit(() => git(cwd, ['log', '-1', '--format=%ct', '--raw', '--no-abbrev', '--no-renames', '--', file]))
    const seconds = Number.parseInt(out?.split('\n')[0] ?? '', 10)
    const blob = /([0-9a-f]{40}(?:[0-9a-f]{24})?) [A-Z]+\t/.exec(out ?? '')?.[1]
    if (!Number.isFinite(seconds) || !blob) return undefined
    const content = await readFile(resolve(cwd, file)).catch(() => undefined)
    return content && blobId(content, blob.length === 64 ? 'sha256' : 'sha1') === blob ? seconds : undefined
  }
}

function git(cwd: string, args: string[]): Promise<string | undefined> {
  return new Promise((done) => {
    execFile('git', args, {cwd, timeout: 5000, windowsHide: true}, (error, stdout) => done(error ? undefined : String(stdout)))
  })
}

/** The id git gives a file's content (`git hash-object`). */
function blobId(content: Buffer, algorithm: 'sha1' | 'sha256'): string {
  return createHash(algorithm).update(`blob ${content.length}\0`).update(content).digest('hex')
}

function insideRepository(dir: string): boolean {
  for (let d = resolve(dir); ; d = dirname(d)) {
    if (existsSync(join(d, '.git'))) return true
    if (dirname(d) === d) return false
  }
}
