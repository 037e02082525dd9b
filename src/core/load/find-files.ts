import {readdirSync} from 'node:fs'
import {join} from 'node:path'

export const DEFINITION_EXTENSIONS = ['.json', '.ts', '.mts']

/** Segment test files (`segsync test`) sit among the definitions and are never loaded as one. */
export function isSegmentTestFile(path: string): boolean {
  return /\.segtest\.(json|ts|mts)$/.test(path)
}

/**
 * Definition files under `dir`, recursively, sorted for stable output (segment test files apart,
 * in `tests`). Skips dot-folders, node_modules and type declarations.
 */
export async function findSegmentFiles(dir: string): Promise<{definitions: string[]; tests: string[]}> {
  const all = await findFiles(dir)
  return {definitions: all.filter((f) => !isSegmentTestFile(f)), tests: all.filter(isSegmentTestFile)}
}

async function findFiles(dir: string): Promise<string[]> {
  const out: string[] = []
  // One listing per folder, synchronously: a promise per entry costs more than the listing (thousands of files).
  const walk = (current: string): void => {
    for (const entry of readdirSync(current, {withFileTypes: true})) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
      const full = join(current, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.isFile() && !entry.name.endsWith('.d.ts') && DEFINITION_EXTENSIONS.some((ext) => entry.name.endsWith(ext))) out.push(full)
    }
  }
  walk(dir)
  return Promise.resolve(out.sort())
}
