import {existsSync, readFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

/** segsync's own install directory (the folder holding its package.json). */
export const packageRoot: string = (() => {
  let dir = dirname(fileURLToPath(import.meta.url))
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir)
    if (up === dir) throw new Error('segsync: cannot find its own package.json')
    dir = up
  }
  return dir
})()

/** True when running from compiled dist/, false when running the TS sources (tests). */
export const runningFromDist: boolean = fileURLToPath(import.meta.url).includes(`${join(packageRoot, 'dist')}`)

interface PackageJson {
  version: string
  exports?: Record<string, string | {default?: string}>
}
let manifest: PackageJson | undefined

/** segsync's own package.json, read once per process. */
export function packageJson(): PackageJson {
  manifest ??= JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as PackageJson
  return manifest
}

export function packageVersion(): string {
  return packageJson().version
}

export function schemaPath(relative: string): string {
  return join(packageRoot, 'schemas', relative)
}
