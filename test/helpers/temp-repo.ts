/** A throwaway repository on disk: config plus definition files, removed after the test. */
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

/** A JSON config with one workspace ("main") of `provider` pointing at `endpoint`. */
export function jsonConfig(endpoint: string, extra: Record<string, unknown> = {}, policy?: Record<string, unknown>, provider = 'sequenzy') {
  return {
    workspaces: {main: {provider, segments: 'segments', apiKeyEnv: `${provider.toUpperCase()}_API_KEY`, endpoint, ...extra}},
    ...(policy ? {policy} : {}),
  }
}
