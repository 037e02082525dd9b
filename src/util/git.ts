/**
 * When a file was last committed, from git, for the plan's drift hint. Never a reason to fail: no
 * git, no repository, an untracked file or a slow answer all mean "unknown". A folder outside any
 * repository costs no process at all (the `.git` lookup is a few stat calls).
 */
import {execFile} from 'node:child_process'
import {existsSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'
import pLimit from 'p-limit'

/** Seconds since the epoch of the last commit touching `file`, or undefined. */
export type CommitTime = (file: string) => Promise<number | undefined>

export function lastCommitTimes(cwd: string): CommitTime {
  let repo: boolean | undefined
  // A few at a time: a plan with 50 updates should not start 50 processes at once.
  const limit = pLimit(4)
  return async (file) => {
    repo ??= insideRepository(cwd)
    if (!repo) return undefined
    return limit(() => new Promise<number | undefined>((done) => {
      execFile('git', ['log', '-1', '--format=%ct', '--', file], {cwd, timeout: 5000, windowsHide: true}, (error, stdout) => {
        const seconds = Number.parseInt(String(stdout).trim(), 10)
        done(error || !Number.isFinite(seconds) ? undefined : seconds)
      })
    }))
  }
}

function insideRepository(dir: string): boolean {
  for (let d = resolve(dir); ; d = dirname(d)) {
    if (existsSync(join(d, '.git'))) return true
    if (dirname(d) === d) return false
  }
}
