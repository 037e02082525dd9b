/** Run the built CLI (bin/run.js) as a user would, in a given directory. */
import {spawn, type ChildProcessWithoutNullStreams} from 'node:child_process'
import {fileURLToPath} from 'node:url'

export const BIN = fileURLToPath(new URL('../../bin/run.js', import.meta.url))

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

/** The CLI started as a user would (no colour, CI, outside GitHub Actions); the caller owns the process. */
export function startCli(args: string[], options: {cwd: string; env?: Record<string, string | undefined>}): ChildProcessWithoutNullStreams {
  const env: Record<string, string | undefined> = {...process.env, NO_COLOR: '1', FORCE_COLOR: undefined, GITHUB_ACTIONS: undefined, CI: 'true', ...options.env}
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k]
  return spawn(process.execPath, [BIN, ...args], {cwd: options.cwd, env, stdio: ['pipe', 'pipe', 'pipe']})
}

/** `closed`: streams whose reading end is closed at once, as a reader that left (`| head`) leaves them; what they carried reads as empty. */
export function runCli(args: string[], options: {cwd: string; env?: Record<string, string | undefined>; input?: string; timeoutMs?: number; closed?: Array<'stdout' | 'stderr'>}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = startCli(args, options)
    for (const stream of options.closed ?? []) child[stream].destroy()
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`segsync ${args.join(' ')} timed out\nstdout: ${stdout}\nstderr: ${stderr}`))
    }, options.timeoutMs ?? 30_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({code: code ?? -1, stdout, stderr})
    })
    child.stdin.end(options.input ?? '')
  })
}
