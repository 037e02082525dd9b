/**
 * Loads TS config and definition files with jiti. `segsync` and `segsync/<provider>` imports
 * resolve to the running CLI's own copy (an alias), so TS definitions work whether segsync is a
 * devDependency, installed globally, or run through npx. See research/ecosystem.md §3.
 */
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {packageJson, packageRoot, runningFromDist} from './package-root.js'

type Jiti = {
  import<T = unknown>(id: string, opts?: {default?: boolean}): Promise<T>
  /** With `async`, a promise of the module's namespace. */
  evalModule(source: string, opts: {id: string; filename: string; async: boolean}): unknown
}
let instance: Promise<Jiti> | undefined
let uncached: Promise<Jiti> | undefined

function aliases(): Record<string, string> {
  const pkg = packageJson()
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
  const make = async () => {
    const alias = aliases()
    const {createJiti} = await import('jiti')
    return createJiti(import.meta.url, {alias, virtualModules: await ownModules(alias), interopDefault: true, moduleCache})
  }
  if (moduleCache) return (instance ??= make())
  return (uncached ??= make())
}

/**
 * segsync's own modules (`segsync`, `segsync/<provider>`: a few small functions each), imported
 * once and handed to every TS file as they are. Through the alias alone, jiti would read the
 * module and package.json again for each TS file that imports it: twice per file. From the TS
 * sources (tests), the alias does it.
 */
async function ownModules(alias: Record<string, string>): Promise<Record<string, unknown> | undefined> {
  if (!runningFromDist) return undefined
  const entries = await Promise.all(Object.entries(alias).map(async ([specifier, file]) => [specifier, await import(pathToFileURL(file).href)] as const))
  return Object.fromEntries(entries)
}

/**
 * The default export of a TS (or JS) module; `fresh`: evaluated again, not taken from the module
 * cache. `source`: the file's text, already read by the caller (a definition file is read once:
 * jiti transpiles and evaluates this text instead of reading the file again).
 */
export async function importDefault(file: string, options: {fresh?: boolean; source?: string} = {}): Promise<unknown> {
  const loader = await jiti(!options.fresh)
  if (options.source === undefined) return loader.import(file, {default: true})
  const module = (await (loader.evalModule(options.source, {id: file, filename: file, async: true}) as Promise<{default?: unknown} | undefined>))
  return module?.default ?? module
}
