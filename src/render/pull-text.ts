/**
 * What pull did, per workspace: each file it rewrote (or would) with what changed in the plan's
 * words, each file it refused with why and what it would have written, each segment it left alone
 * with why, then what to do next. A function of the pull result.
 */
import type {PullResult, WorkspacePull} from '../core/pull/run-pull.js'
import type {Colors} from './colors.js'

export function renderPull(result: PullResult, options: {dryRun: boolean; c: Colors}): string {
  const {c} = options
  const blocks = result.workspaces.map((ws) => renderWorkspace(ws, options))
  const all = result.workspaces.flatMap((w) => w.entries)
  const updated = all.filter((e) => e.status === 'updated').length
  const refused = all.filter((e) => e.status === 'refused').length
  const files = (n: number) => `${n} file${n === 1 ? '' : 's'}`
  let last: string
  if (updated === 0 && refused === 0) last = c.green('No drift. Every managed definition file says what the vendor has.')
  else if (options.dryRun) last = `${c.bold('Dry run:')} ${files(updated)} would change${refused ? `, ${files(refused)} cannot be rewritten` : ''}. Nothing was written.`
  else {
    last = `${c.bold('Pulled:')} ${files(updated)} rewritten${refused ? `, ${c.red(`${files(refused)} refused (not written)`)}` : ''}.`
    if (updated > 0) last += ` Review them (git diff), then commit: \`segsync plan\` shows no change for them.`
  }
  if (result.roundTrip.checked && result.roundTrip.changed.length === 0 && result.roundTrip.problems.length === 0) {
    blocks.push(`${c.green('✓')} round trip checked: the rewritten files load, validate, and match the vendor`)
  }
  return [...blocks, last].join('\n\n')
}

function renderWorkspace(ws: WorkspacePull, {dryRun, c}: {dryRun: boolean; c: Colors}): string {
  const lines = [c.bold(`Workspace ${ws.workspace} (${ws.provider}, ${ws.endpoint})`)]
  const id = (e: {id?: string}) => (e.id ? c.dim(` (${e.id})`) : '')
  for (const e of ws.entries.filter((x) => x.status === 'updated' || x.status === 'refused')) {
    const refused = e.status === 'refused'
    const mark = refused ? c.red('✖ refused') : c.yellow(dryRun ? '~ would update' : '~ updated')
    const renamed = e.previousName ? ` ${c.dim(`renamed in ${ws.label} from ${JSON.stringify(e.previousName)}`)}` : ''
    lines.push('', `  ${mark} ${c.bold(e.file ?? '')}  ${JSON.stringify(e.segment)}${id(e)}${renamed}`)
    for (const f of e.fields ?? []) lines.push(`      ${f.kind === 'add' ? c.green('+') : f.kind === 'remove' ? c.red('-') : c.yellow('~')} ${f.text}`)
    if (refused) {
      lines.push(c.red(`      not written: ${e.reason}`))
      if (e.proposed) lines.push(c.dim('      It would hold:'), ...e.proposed.trimEnd().split('\n').map((l) => c.dim(`        ${l}`)))
    }
  }
  const skipped = ws.entries.filter((e) => e.status === 'skipped')
  if (skipped.length > 0) lines.push('')
  for (const e of skipped) lines.push(c.dim(`  · left alone: ${e.file ? `${e.file}  ` : ''}${JSON.stringify(e.segment)}${e.id ? ` (${e.id})` : ''}: ${e.reason}`))
  const unchanged = ws.entries.filter((e) => e.status === 'unchanged').length
  lines.push('', `  ${unchanged} file${unchanged === 1 ? '' : 's'} already match${unchanged === 1 ? 'es' : ''} ${ws.label}.`)
  return lines.join('\n')
}
