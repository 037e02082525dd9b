import {readdir} from 'node:fs/promises'
import {join} from 'node:path'

export const DEFINITION_EXTENSIONS = ['.json', '.ts', '.mts']

/**
 * Definition files under `dir`, recursively, sorted for stable output. Skips dot-folders,
 * node_modules and type declarations.
 */
export async function findDefinitionFiles(dir: string): Promise<string[]> {
  const out: string[] = []
  async function walk(current: string): Promise<void> {
    const entries = await readdir(current, {withFileTypes: true})
    await Promise.all(
      entries.map(async (entry) => {
        if (entry.name.startsWith('.') || entry.name === 'node_modules') return
        const full = join(current, entry.name)
        if (entry.isDirectory()) return walk(full)
        if (!entry.isFile() || entry.name.endsWith('.d.ts')) return
        if (DEFINITION_EXTENSIONS.some((ext) => entry.name.endsWith(ext))) out.push(full)
      }),
    )
  }
  await walk(dir)
  return out.sort()
}
