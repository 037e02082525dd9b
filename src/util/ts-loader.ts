/**
 * Loads TS config and definition files with jiti. `segsync` and `segsync/<provider>` imports
 * resolve to the running CLI's own copy (an alias), so TS definitions work whether segsync is a
 * devDependency, installed globally, or run through npx. See research/ecosystem.md §3.
 */
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {packageRoot, runningFromDist} from './package-root.js'

type Jiti = {import<T = unknown>(id: string, opts?: {default?: boolean}): Promise<T>}
let instance: Promise<Jiti> | undefined
let uncached: Promise<Jiti> | undefined

function aliases(): Record<string, string> {
  const pkg = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as {
    exports?: Record<string, string | {default?: string}>
  }
  const out: Record<string, string> = {}
  for (const [key, target] of Object.entries(pkg.exports ?? {})) {
    const file = typeof target === 'string' ? target : target.default
    if (!file || !file.endsWith('.js')) continue
    const specifier = key === '.' ? 'segsync' : `segsync/${key.slice(2)}`
    const built = join(packageRoot, file)
    // Running the TS sources (tests): point at src/ instead of dist/.
    out[specifier] = runningFromDist ? built : built.replace(`${join(packageRoot, 'dist')}`, join(packageRoot, 'src')).replace(/\.js$/, '.ts')
  }
  return out
}

async function jiti(moduleCache: boolean): Promise<Jiti> {
  const make = () => import('jiti').then(({createJiti}) => createJiti(import.meta.url, {alias: aliases(), interopDefault: true, moduleCache}))
  if (moduleCache) return (instance ??= make())
  return (uncached ??= make())
}

/** The default export of a TS (or JS) module; `fresh`: evaluated again, not taken from the module cache. */
export async function importDefault(file: string, options: {fresh?: boolean} = {}): Promise<unknown> {
  return (await jiti(!options.fresh)).import(file, {default: true})
}
