import {mkdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs'
import {dirname} from 'node:path'

/** Read a JSON state file; undefined when it does not exist. */
export function readState(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    if ((error as {code?: string}).code === 'ENOENT') return undefined
    throw new Error(`cannot read emulator state ${path}: ${(error as Error).message}`)
  }
}

/** Write atomically (temp file + rename): a crash never leaves half a state file. */
export function writeState(path: string, state: unknown): void {
  mkdirSync(dirname(path), {recursive: true})
  const tmp = `${path}.${process.pid}.tmp`
  writeFileSync(tmp, JSON.stringify(state, null, 2) + '\n')
  renameSync(tmp, path)
}
