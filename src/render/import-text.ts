import type {ImportResult} from '../core/import/run-import.js'
import type {Colors} from './colors.js'

/** What import wrote (or would write), what it skipped, and what to do next. */
export function renderImport(results: ImportResult[], options: {dryRun: boolean; c: Colors}): string {
  const {c} = options
  const lines: string[] = []
  for (const r of results) {
    lines.push(c.bold(`Workspace ${r.workspace} (${r.provider})`))
    if (r.written.length === 0) lines.push(`  Nothing to import: ${r.managed} remote segment${r.managed === 1 ? ' is' : 's are'} already managed by definition files.`)
    else {
      lines.push(`  ${options.dryRun ? 'Would write' : 'Wrote'} ${r.written.length} file${r.written.length === 1 ? '' : 's'} into ${r.dir}:`)
      for (const w of r.written) lines.push(`    ${c.green('+')} ${w.file}  ${c.dim(`${JSON.stringify(w.name)} (${w.id})`)}`)
    }
    for (const s of r.skipped) lines.push(`    ${c.yellow('·')} skipped ${JSON.stringify(s.name)} (${s.id}): ${s.reason}`)
    if (r.roundTrip.checked && r.roundTrip.changed.length === 0 && r.roundTrip.problems.length === 0) {
      lines.push(`  ${c.green('✓')} round trip checked: a plan now shows no changes for the imported segments`)
    }
    for (const name of r.roundTrip.changed) lines.push(`  ${c.red('✗')} ${JSON.stringify(name)} would still change after import`)
  }
  const wrote = results.flatMap((r) => r.written)
  if (wrote.length > 0) {
    lines.push(
      '',
      options.dryRun
        ? 'Dry run: nothing was written. Run again without --dry-run to write the files.'
        : `Next: review the files, then commit them (git add ${[...new Set(results.filter((r) => r.written.length).map((r) => r.dir))].join(' ')} && git commit -m "Import segments"). \`segsync plan\` should show no changes for them.`,
    )
  }
  return lines.join('\n')
}
