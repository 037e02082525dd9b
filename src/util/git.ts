/**
 * When a file was last committed, from git, for the plan's drift hint. Never a reason to fail: no
 * git, no repository, an untracked file or a slow answer all mean "unknown". So does a file with
 * uncommitted changes: its diff is the local edit, and the vendor's update time says nothing about
 * it. A folder outside any repository costs no process at all (the `.git` lookup is a few stat calls).
 *
 * The files asked about together (every update of a plan) share one `git log` over all their paths,
 * read as it streams and stopped once every path has been seen: one process per file cost a plan of
 * 50 updates about a second here (each spawned from a process holding 5,000 definitions). Over
 * several paths git simplifies history for all of them at once, so a merge can show a side
 * branch's commit of a file too; the blob check below makes that "unknown", or a commit that left
 * the file exactly as it is now.
 *
 * `node:child_process` and p-limit load only when git is run: a plan imports this module before
 * its first request, and importing the two took 9–10 ms there (after validate's modules), while
 * most plans ask nothing of git (no repository, or no update).
 */
import {createHash} from 'node:crypto'
import {existsSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import {dirname, join, relative, resolve, sep} from 'node:path'

/** Seconds since the epoch of the last commit touching `file`, when the file is as that commit left it; else undefined. */
export type CommitTime = (file: string) => Promise<number | undefined>

/** Where `git log` last touched a path: its commit's time, and the blob it left there. */
interface LastCommit {
  seconds: number
  blob: string
}

/** Paths per `git log`: well inside any platform's command-line limit (Windows: 32,767 characters). */
const CHUNK_CHARS = 16_000
const TIMEOUT_MS = 5_000

/** The files asked about in one turn of the event loop, and who waits for each. */
type Batch = Map<string, Array<(seconds: number | undefined) => void>>

/**
 * `contentOf(file)`, when it knows the file, is its content as the plan read it: the file is then
 * not read again, and the commit is compared with what was planned, not with what is on disk by
 * now. A file it does not know is read from disk.
 */
export function lastCommitTimes(cwd: string, contentOf?: (file: string) => string | undefined): CommitTime {
  let root: string | null | undefined
  let batch: Batch | undefined
  // A few at a time when a batch needs more than one process.
  let limit: Promise<(run: () => Promise<void>) => Promise<void>> | undefined

  const flush = async (asked: Batch) => {
    const pathOf = new Map([...asked.keys()].map((file) => [file, relative(root!, resolve(cwd, file)).split(sep).join('/')]))
    const inRepo = [...new Set(pathOf.values())].filter((p) => p !== '' && !p.startsWith('../'))
    const found = new Map<string, LastCommit>()
    const groups = chunks(inRepo)
    const read = async (paths: string[]) => (await lastCommits(root!, paths)).forEach((c, p) => found.set(p, c))
    if (groups.length === 1) await read(groups[0]!)
    else if (groups.length > 1) {
      limit ??= import('p-limit').then(({default: pLimit}) => pLimit(4))
      const run = await limit
      await Promise.all(groups.map((paths) => run(() => read(paths))))
    }
    await Promise.all(
      [...asked].map(async ([file, waiting]) => {
        const last = found.get(pathOf.get(file)!)
        const known = last && contentOf?.(file)
        const content = last && (known !== undefined ? Buffer.from(known, 'utf8') : await readFile(resolve(cwd, file)).catch(() => undefined))
        const seconds = content && blobId(content, last.blob.length === 64 ? 'sha256' : 'sha1') === last.blob ? last.seconds : undefined
        for (const done of waiting) done(seconds)
      }),
    )
  }

  return (file) => {
    // Looked for once: outside a repository (null) too, not again for each update.
    if (root === undefined) root = repositoryRoot(cwd)
    if (root === null) return Promise.resolve(undefined)
    return new Promise((done) => {
      if (!batch) {
        // Whatever is asked before the next turn of the event loop goes into one `git log`.
        const asked: Batch = new Map()
        batch = asked
        setImmediate(() => {
          batch = undefined
          flush(asked).catch(() => asked.forEach((waiting) => waiting.forEach((d) => d(undefined))))
        })
      }
      const waiting = batch.get(file) ?? []
      waiting.push(done)
      batch.set(file, waiting)
    })
  }
}

/** Paths in groups whose total length stays under CHUNK_CHARS. */
function chunks(paths: string[]): string[][] {
  const out: string[][] = []
  let size = Infinity
  for (const p of paths) {
    if (size + p.length > CHUNK_CHARS) {
      out.push([])
      size = 0
    }
    out[out.length - 1]!.push(p)
    size += p.length + 12
  }
  return out
}

/**
 * The last commit touching each path (relative to the repository's root, `/`-separated), from one
 * `git log --raw -z` read as it streams; stopped once every path has been seen. A path git does not
 * know is missing from the map; so is every path when git fails or takes more than TIMEOUT_MS.
 */
async function lastCommits(root: string, paths: string[]): Promise<Map<string, LastCommit>> {
  const {spawn} = await import('node:child_process')
  return new Promise((done) => {
    const found = new Map<string, LastCommit>()
    const wanted = new Set(paths)
    // `:(literal)`: a file name with `*` or `?` is that file, not a pattern.
    const args = ['log', '-z', '--format=%x01%ct', '--raw', '--no-abbrev', '--no-renames', '--', ...paths.map((p) => `:(literal)${p}`)]
    const git = spawn('git', args, {cwd: root, stdio: ['ignore', 'pipe', 'ignore'], windowsHide: true})
    const timer = setTimeout(() => finish(new Map<string, LastCommit>()), TIMEOUT_MS)
    let settled = false
    const finish = (result: Map<string, LastCommit>) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      git.kill()
      done(result)
    }
    // Tokens between NULs: `\x01<seconds>` starts a commit; `:<modes> <old> <new> <status>` is
    // followed by its path.
    let seconds = NaN
    let blob: string | undefined
    let rest = ''
    git.stdout.setEncoding('utf8')
    git.stdout.on('data', (text: string) => {
      if (settled) return
      const tokens = (rest + text).split('\0')
      rest = tokens.pop()!
      for (const raw of tokens) {
        const token = raw.startsWith('\n') ? raw.slice(1) : raw
        if (blob !== undefined) {
          if (Number.isFinite(seconds) && wanted.delete(token)) found.set(token, {seconds, blob})
          blob = undefined
        } else if (token.startsWith('\x01')) {
          seconds = Number.parseInt(token.slice(1), 10)
        } else if (token.startsWith(':')) {
          blob = token.split(' ')[3] ?? ''
        }
      }
      if (wanted.size === 0) finish(found)
    })
    git.on('error', () => finish(new Map<string, LastCommit>()))
    git.on('close', (code) => finish(code === 0 || wanted.size === 0 ? found : new Map<string, LastCommit>()))
  })
}

/** The id git gives a file's content (`git hash-object`). */
function blobId(content: Buffer, algorithm: 'sha1' | 'sha256'): string {
  return createHash(algorithm).update(`blob ${content.length}\0`).update(content).digest('hex')
}

/** The folder holding `.git` at or above `dir`, or null outside any repository. */
function repositoryRoot(dir: string): string | null {
  for (let d = resolve(dir); ; d = dirname(d)) {
    if (existsSync(join(d, '.git'))) return d
    if (dirname(d) === d) return null
  }
}
