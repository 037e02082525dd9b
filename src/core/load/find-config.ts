/**
 * Where the config is: cosmiconfig's "project" search (every search place in order, in the
 * working directory and then each parent, stopping at the first folder that holds a
 * package.json or package.yaml), with one directory listing per folder instead of one failed
 * read per search place (26 per folder). The file found is loaded by cosmiconfig itself.
 */
import {readdirSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'

/** Files in `searchPlaces` order that exist in the search path, nearest folder first. */
export function* configCandidates(cwd: string, searchPlaces: string[]): Generator<string> {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const here = listing(dir)
    const inDotConfig = here.has('.config') ? listing(join(dir, '.config')) : new Set<string>()
    for (const place of searchPlaces) {
      const present = place.startsWith('.config/') ? inDotConfig.has(place.slice('.config/'.length)) : here.has(place)
      if (present) yield join(dir, place)
    }
    if (here.has('package.json') || here.has('package.yaml') || dirname(dir) === dir) return
  }
}

function listing(dir: string): Set<string> {
  try {
    return new Set(readdirSync(dir))
  } catch {
    return new Set()
  }
}
