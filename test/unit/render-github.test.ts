/** GitHub Actions annotations and the job summary, rendered from plan documents built in memory. */
import {describe, expect, it} from 'vitest'
import {escapeData, escapeProperty, formatAnnotation, planAnnotations, renderAnnotations, renderJobSummary, SUMMARY_LIMIT} from '../../src/render/github.js'
import {blockedDelete, campaign, change, demoPlan, planOf, workspace} from '../helpers/plan-document.js'

/** The runner's own parsing of a workflow command (actions/runner ActionCommand.TryParseV2), to prove the escaping round-trips. */
function parseCommand(line: string): {command: string; properties: Record<string, string>; message: string} {
  const match = /^::(\w+)(?: ([^:]*))?::(.*)$/s.exec(line)
  if (!match) throw new Error(`not a workflow command: ${line}`)
  const unescape = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%')
  const properties = Object.fromEntries((match[2] ?? '').split(',').filter(Boolean).map((p) => {
    const [k, ...v] = p.split('=')
    return [k!, unescape(v.join('='))]
  }))
  return {command: match[1]!, properties, message: unescape(match[3]!)}
}

describe('annotations', () => {
  it('marks blocked changes as errors at their definition file and line, most important first', () => {
    const lines = renderAnnotations(demoPlan()).trimEnd().split('\n').map(parseCommand)
    expect(lines.map((l) => [l.command, l.properties.file, l.properties.line])).toEqual([
      ['error', 'segments/legacy-readers.json', '3'],
      ['error', 'segments/active-non-buyers.json', '3'],
      ['notice', undefined, undefined],
    ])
    expect(lines[1]!.properties.title).toBe('segsync: update "Active non-buyers" is blocked')
    expect(lines[1]!.message).toBe(
      [
        'blocked: changes the audience of 2 active campaigns ("Spring sale", "Onboarding") (allow with --allow-campaign-impact)',
        '- campaign "Spring sale" (scheduled) directly',
        '- sequence "Onboarding" (live) through "Win-back audience"',
      ].join('\n'),
    )
    expect(lines[2]!.message).toBe('Plan: 1 to create, 1 to update, 1 to delete, 2 blocked, 2 active campaigns affected.')
  })

  it('warns on campaign-affecting changes that a warn policy lets through, more campaigns first', () => {
    const warned = (name: string, n: number) =>
      change('update', name, {
        impact: {usage: 'known', audience: true, campaigns: Array.from({length: n}, (_, i) => campaign(`${name} ${i}`))},
        risks: [{rule: 'campaign-impact', level: 'warn', message: `changes the audience of ${n} active campaigns`}],
      })
    const annotations = planAnnotations(planOf(workspace('production', [warned('One', 1), warned('Three', 3), change('create', 'New')])))
    expect(annotations.map((a) => [a.level, a.title])).toEqual([
      ['warning', 'segsync: update "Three" affects 3 active campaigns'],
      ['warning', 'segsync: update "One" affects 1 active campaign'],
      ['notice', 'segsync plan'],
    ])
  })

  it('prints every annotation but says that GitHub shows 10 of each kind', () => {
    const deletes = Array.from({length: 12}, (_, i) => change('delete', `Old ${i}`, {risks: [blockedDelete(`Old ${i}`)]}))
    const annotations = planAnnotations(planOf(workspace('production', deletes)))
    expect(annotations.filter((a) => a.level === 'error')).toHaveLength(12)
    expect(annotations.at(-1)!.message).toContain('GitHub shows 10 annotations of each kind: 12 errors and 0 warnings were printed, and the job summary lists every change.')
  })

  it('prefixes paths when segsync runs in a subfolder, and leaves out file when there is no definition (prune)', () => {
    const pruned = change('delete', 'Orphan', {source: undefined, reason: 'prune', risks: [blockedDelete('Orphan')]})
    const [first, second] = planAnnotations(planOf(workspace('production', [pruned, change('delete', 'Gone', {risks: [blockedDelete('Gone')]})])), {pathPrefix: 'marketing'})
    expect(first!.file).toBeUndefined()
    expect(second!.file).toBe('marketing/segments/gone.json')
  })

  it('escapes data and properties so names with %, newlines, colons and commas round-trip', () => {
    expect(escapeData('100% done\r\nnext')).toBe('100%25 done%0D%0Anext')
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25')
    const name = 'Sale: 50%, then\nmore::error::x'
    const line = formatAnnotation({level: 'error', title: `segsync: update "${name}" is blocked`, message: `blocked: ${name}`, file: 'seg,ments/a:b.json', line: 4, col: 2})
    expect(line.split('\n')).toHaveLength(1)
    expect(parseCommand(line)).toEqual({command: 'error', properties: {file: 'seg,ments/a:b.json', line: '4', col: '2', title: `segsync: update "${name}" is blocked`}, message: `blocked: ${name}`})
  })
})

describe('job summary', () => {
  it('is the full Markdown plan, with notes, and no comment marker', () => {
    const md = renderJobSummary(demoPlan(), {notes: ['> [!NOTE]\n> posted elsewhere'], commit: 'abc1234'})
    expect(md.startsWith('## segsync plan: 1 to create, 1 to update, 1 to delete, **2 blocked**')).toBe(true)
    expect(md).toContain('> posted elsewhere')
    expect(md).toContain('#### ⛔ Delete `Legacy readers`')
    expect(md).not.toContain('<!-- segsync:plan')
  })

  it('keeps a huge plan under the 1 MiB step-summary limit, pointing at the plan file', () => {
    const changes = Array.from({length: 4000}, (_, i) => change('create', `日本語のセグメント ${i}`, {fields: Array.from({length: 10}, (_, j) => ({path: 'x', kind: 'add' as const, text: `adds filter \`tag contains 値-${i}-${j}\``}))}))
    const md = renderJobSummary(planOf(workspace('production', changes)))
    expect(md.length).toBeLessThanOrEqual(SUMMARY_LIMIT)
    expect(Buffer.byteLength(md)).toBeLessThan(1024 * 1024)
    expect(md).toContain('The full plan is in the plan file (`segsync plan --out plan.json`; the shipped workflow uploads it as an artifact).')
  })
})
