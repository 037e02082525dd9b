/** A throwaway repository on disk: config plus definition files, removed after the test. */
import {execFileSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {onTestFinished} from 'vitest'

export interface TempRepo {
  dir: string
  write(file: string, content: string | object): string
  read(file: string): string
}

export function tempRepo(files: Record<string, string | object> = {}): TempRepo {
  const dir = mkdtempSync(join(tmpdir(), 'segsync-test-'))
  onTestFinished(() => rmSync(dir, {recursive: true, force: true}))
  const repo: TempRepo = {
    dir,
    write(file, content) {
      const path = join(dir, file)
      mkdirSync(dirname(path), {recursive: true})
      writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2) + '\n')
      return path
    },
    read: (file) => readFileSync(join(dir, file), 'utf8'),
  }
  for (const [file, content] of Object.entries(files)) repo.write(file, content)
  return repo
}

/** `git init` in `dir`, then `path` (a file, or `.`/`-A` for all) committed by a fixed author as of `date`. */
export function commitAll(dir: string, path = '-A', date = '2026-03-01T12:00:00Z'): void {
  const env = {...process.env, GIT_COMMITTER_DATE: date, GIT_AUTHOR_DATE: date, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e.st', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e.st'}
  for (const args of [['init', '-q'], ['add', path], ['commit', '-q', '-m', 'commit']]) execFileSync('git', args, {cwd: dir, env, stdio: 'ignore'})
}

/** A JSON config with one workspace ("main") of `provider` pointing at `endpoint`. */
export function jsonConfig(endpoint: string, extra: Record<string, unknown> = {}, policy?: Record<string, unknown>, provider = 'sequenzy') {
  return {
    workspaces: {main: {provider, segments: 'segments', apiKeyEnv: `${provider.toUpperCase()}_API_KEY`, endpoint, ...extra}},
    ...(policy ? {policy} : {}),
  }
}
