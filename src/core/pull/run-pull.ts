/**
 * `segsync pull`: read every workspace's vendor at once (reads only), plan which definition files change
 * (plan-pull.ts), rewrite them through the writer the command hands in (src/rewrite: format-
 * preserving, JSON and TS), and check the round trip: the files load, validate, and pull to
 * "unchanged" against the segments they came from, which is what makes a plan right after show no
 * change for them. Nothing is ever sent to a vendor but list requests.
 */
import {readFileSync} from 'node:fs'
import {writeFile} from 'node:fs/promises'
import {resolve} from 'node:path'
import {redact} from '../../util/redact.js'
import type {Problem, RemoteSegment} from '../model.js'
import {toTsFile} from '../import/serialize.js'
import {loadDefinitions} from '../load/load-definitions.js'
import {readEveryWorkspace} from '../load/read-remote.js'
import type {PreparedWorkspace, RunContext} from '../pipeline.js'
import {schemaPath} from '../../util/package-root.js'
import {validateDefinitions} from '../validate/validate-definitions.js'
import {planPull, type FileEdit, type PullEntry} from './plan-pull.js'

/** Rewrites one definition file's text (src/rewrite); a file it cannot rewrite faithfully is refused with the reason. */
export interface DefinitionWriter {
  rewrite: (text: string, edit: FileEdit, provider: string) => Promise<{ok: true; text: string} | {ok: false; reason: string}>
}

export interface PullOptions {
  nameFilter?: (name: string) => boolean
  dryRun: boolean
  writer: DefinitionWriter
}

export interface WorkspacePull {
  workspace: string
  provider: string
  label: string
  endpoint: string
  entries: Array<PullEntry & {proposed?: string}>
}

export interface PullResult {
  workspaces: WorkspacePull[]
  /** After writing: files that still differ from their segment (a bug), and problems in the written files. */
  roundTrip: {checked: boolean; changed: string[]; problems: Problem[]}
}

export async function pull(ctx: RunContext, workspaces: PreparedWorkspace[], options: PullOptions): Promise<PullResult> {
  const results: WorkspacePull[] = []
  const remotesOf = new Map<PreparedWorkspace, RemoteSegment[]>()
  const read = await readEveryWorkspace(ctx, workspaces)
  for (const [i, pw] of workspaces.entries()) {
    const {workspace: ws, provider} = pw
    const {remotes, endpoint} = read[i]!
    remotesOf.set(pw, remotes)
    const entries = planPull({provider, definitions: pw.definitions, remotes, nameFilter: options.nameFilter})
    results.push({workspace: ws.name, provider: provider.id, label: provider.label, endpoint, entries})
  }

  const texts = await rewriteAll(ctx.cwd, results, options.writer)
  if (options.dryRun || texts.size === 0) return {workspaces: results, roundTrip: {checked: false, changed: [], problems: []}}
  for (const [file, text] of texts) await writeFile(resolve(ctx.cwd, file), redact(text))
  return {workspaces: results, roundTrip: await checkRoundTrip(ctx, workspaces, remotesOf, new Set(texts.keys()))}
}

/**
 * The new text of every file that changes. Two workspaces sharing a folder (staging and
 * production) may both pull the same file: the same text is written once, different texts are
 * refused for both (the user picks one with -w).
 */
async function rewriteAll(cwd: string, results: WorkspacePull[], writer: DefinitionWriter): Promise<Map<string, string>> {
  const texts = new Map<string, string>()
  const claimedBy = new Map<string, Array<{ws: string; entry: WorkspacePull['entries'][number]; text: string}>>()
  for (const r of results) {
    for (const entry of r.entries) {
      if (entry.status !== 'updated' || !entry.edit || !entry.file) continue
      const result = await writer.rewrite(readFileSync(resolve(cwd, entry.file), 'utf8'), entry.edit, r.provider)
      if (!result.ok) {
        entry.status = 'refused'
        entry.reason = result.reason
        entry.proposed = entry.edit.kind === 'ts' ? toTsFile(entry.edit.definition, r.provider) : JSON.stringify(entry.edit.definition, null, 2) + '\n'
        continue
      }
      const claims = [...(claimedBy.get(entry.file) ?? []), {ws: r.workspace, entry, text: result.text}]
      claimedBy.set(entry.file, claims)
      if (claims.every((c) => c.text === claims[0]!.text)) texts.set(entry.file, result.text)
      else {
        for (const c of claims) {
          c.entry.status = 'refused'
          c.entry.reason = `workspaces ${claims.map((x) => x.ws).join(' and ')} share this file and their vendors differ here: pull one of them with -w NAME`
        }
        texts.delete(entry.file)
      }
    }
  }
  return texts
}

async function checkRoundTrip(ctx: RunContext, workspaces: PreparedWorkspace[], remotesOf: Map<PreparedWorkspace, RemoteSegment[]>, written: Set<string>): Promise<PullResult['roundTrip']> {
  const changed = new Set<string>()
  const problems: Problem[] = []
  for (const pw of workspaces) {
    // TS files are read fresh: the module cache still holds the version before the pull.
    const loaded = await loadDefinitions(pw.workspace.segmentsDir, {cwd: ctx.cwd, noCode: ctx.noCode, fresh: true})
    const validated = validateDefinitions(loaded.files, pw.provider, schemaPath(pw.provider.schema))
    problems.push(...[...loaded.problems, ...validated.problems].filter((p) => written.has(p.file)))
    for (const entry of planPull({provider: pw.provider, definitions: validated.definitions, remotes: remotesOf.get(pw)!})) {
      if (entry.file && written.has(entry.file) && entry.status === 'updated') changed.add(entry.file)
    }
  }
  const seen = new Set<string>()
  return {checked: true, changed: [...changed].sort(), problems: problems.filter((p) => !seen.has(JSON.stringify(p)) && seen.add(JSON.stringify(p)))}
}
