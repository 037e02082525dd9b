/** The Markdown plan (PR comment, job summary) rendered from plan documents built in memory. */
import {describe, expect, it} from 'vitest'
import {COMMENT_LIMIT, renderPlanMarkdown} from '../../src/render/markdown.js'
import {blockedByCampaigns, blockedDelete, campaign, change, demoPlan, field, planOf, workspace} from '../helpers/plan-document.js'
import {textsOf, toHtml} from '../helpers/render-html.js'

const MARKER = '<!-- segsync:plan:all -->'

describe('renderPlanMarkdown', () => {
  it('starts with the marker and a summary line of creates, updates, deletes and blocked changes', () => {
    const md = renderPlanMarkdown(demoPlan(), {marker: MARKER})
    const lines = md.split('\n')
    expect(lines[0]).toBe(MARKER)
    expect(md).toContain('## segsync plan: 1 to create, 1 to update, 1 to delete, **2 blocked**')
    expect(md).toContain('**2 active campaigns affected**')
    expect(md).toContain('> 2 changes are blocked: <kbd>segsync apply</kbd> refuses them before its first write unless allowed with <kbd>--allow-campaign-impact</kbd>, <kbd>--allow-delete</kbd>.')
  })

  it('puts deletes and blocked changes first, then the rest in plan order', () => {
    const md = renderPlanMarkdown(demoPlan())
    const headings = md.split('\n').filter((l) => l.startsWith('#### ') && l !== '#### Not touched')
    expect(headings).toEqual(['#### ⛔ Delete `Legacy readers`', '#### ⛔ Update `Active non-buyers`', '#### Create `Paying customers`'])
  })

  it('says per segment what changes in words, with its file and line', () => {
    const md = renderPlanMarkdown(demoPlan())
    expect(md).toContain('`segments/active-non-buyers.json:3` · id <kbd>seg\\_active\\_non\\_buyers</kbd>')
    expect(md).toContain('- adds filter `event is_not saas.purchase:30d`\n- join changes from and to or')
    expect(md).toContain('`segments/paying-customers.ts` · id known after apply')
  })

  it('keeps flags, commands and names in prose out of code spans, which GitHub wraps at spaces and hyphens', () => {
    // github-markdown-css: `code` has white-space: break-spaces; `kbd` is display: inline-block (one box).
    const html = toHtml(renderPlanMarkdown(demoPlan()))
    const prose = html.replace(/<h[1-6]>[\s\S]*?<\/h[1-6]>/g, '').replace(/<a [^>]*>[\s\S]*?<\/a>/g, '')
      // Fenced blocks (the Mermaid picture, the body diffs) are not prose.
      .replace(/<pre>[\s\S]*?<\/pre>/g, '')
    const code = textsOf(prose, 'code')
    for (const text of ['--allow-campaign-impact', '--allow-delete', 'segsync apply', 'Spring sale', 'Onboarding', 'Win-back audience', 'Legacy readers']) {
      expect(textsOf(prose, 'kbd'), text).toContain(text)
      expect(code.filter((c) => c.includes(text)), text).toEqual([])
    }
  })

  it('lists the affected active campaigns and sequences with their status, directly or through which segment', () => {
    const md = renderPlanMarkdown(demoPlan())
    expect(md).toContain(
      [
        '**Changes the audience of 2 active campaigns:**',
        '- campaign <kbd>Spring sale</kbd> (scheduled), directly',
        '- sequence <kbd>Onboarding</kbd> (live), through <kbd>Win-back audience</kbd>',
      ].join('\n'),
    )
    expect(md).toContain('⛔ **Blocked:** changes the audience of 2 active campaigns (<kbd>Spring sale</kbd>, <kbd>Onboarding</kbd>). Allow with <kbd>--allow-campaign-impact</kbd>.')
    expect(md).toContain("⛔ **Blocked:** deletes <kbd>Legacy readers</kbd>: its definition says ensure: 'absent'. Allow with <kbd>--allow-delete</kbd>.")
  })

  it('separates campaigns whose audience does not change and campaigns that are not active', () => {
    const rename = change('update', 'New name', {
      previousName: 'Old name',
      impact: {usage: 'known', audience: false, campaigns: [campaign('Spring sale'), campaign('Draft idea', {status: 'draft', active: false, via: ['A', 'B']})]},
      risks: [{rule: 'campaign-impact', level: 'info', message: 'used by 1 active campaign ("Spring sale"); the audience does not change'}],
    })
    const md = renderPlanMarkdown(planOf(workspace('production', [rename])))
    expect(md).toContain('#### Update `New name` (renamed from `Old name`)')
    expect(md).toContain('Used by 1 active campaign; their audience does not change:\n- campaign <kbd>Spring sale</kbd> (scheduled), directly')
    expect(md).toContain('Also used by 1 campaign that is not active:\n- campaign <kbd>Draft idea</kbd> (draft), through <kbd>A</kbd> → <kbd>B</kbd>')
    // The info risk repeats the campaign list: not shown twice.
    expect(md).not.toContain('the audience does not change.')
  })

  it('calls out a workspace whose campaign usage cannot be verified, and warns on each change', () => {
    const unknown = change('update', 'Churn risk', {
      fields: [field('adds constraint `last_seen older_than 30d`')],
      impact: {usage: 'unknown', note: 'Push0 has no campaign API', audience: true, campaigns: []},
      risks: [{rule: 'unknown-usage', level: 'warn', message: 'campaign usage cannot be verified for push0 (Push0 has no campaign API)'}],
    })
    const md = renderPlanMarkdown(planOf(workspace('push', [unknown], {provider: 'push0', usage: {known: false, note: 'Push0 has no campaign API'}})))
    expect(md).toContain('> [!WARNING]\n> **Campaign usage cannot be verified** for push0: Push0 has no campaign API. Check which campaigns use these segments in push0 before merging.')
    expect(md).toContain('#### ⚠️ Update `Churn risk`')
    expect(md).toContain('⚠️ **Warning:** campaign usage cannot be verified for push0 (Push0 has no campaign API).')
  })

  it('says so when nothing changes, and lists unmanaged segments', () => {
    const md = renderPlanMarkdown(planOf(workspace('production', [], {unchanged: ['A', 'B'], unmanaged: [{id: 's1', name: 'Hand made'}]})), {marker: MARKER})
    expect(md).toContain('## segsync plan: no changes')
    expect(md).toContain('No changes: 2 segments up to date.')
    expect(md).toContain('#### Not touched\n\n1 unmanaged segment (no definition file): <kbd>Hand made</kbd>. Run <kbd>segsync import</kbd> to write definition files for them.')
  })

  it('shows manual steps and deletes that no definition asked for (prune)', () => {
    const manual = change('delete', 'Lapsed', {manual: 'delete it in the Push0 dashboard (Push0 has no delete endpoint)'})
    const pruned = change('delete', 'Orphan', {source: undefined, reason: 'prune', risks: [{rule: 'delete', level: 'block', message: 'deletes "Orphan": no definition manages it and the workspace sets prune: true', allowFlag: '--allow-delete'}]})
    const md = renderPlanMarkdown(planOf(workspace('push', [manual, pruned], {provider: 'push0'})))
    expect(md).toContain('## segsync plan: 0 to create, 0 to update, 1 to delete, 1 manual step, **1 blocked**')
    expect(md).toContain('🛠️ **Manual step:** delete it in the Push0 dashboard (Push0 has no delete endpoint)')
    expect(md).toContain('#### ⛔ Delete `Orphan`\n\nno definition file · id <kbd>seg\\_orphan</kbd> · **prune**: no definition manages this segment')
  })

  it('shows the commit in the footer', () => {
    expect(renderPlanMarkdown(demoPlan(), {commit: '0123456789abcdef0123'})).toContain('<sub>segsync `0.1.0` plan for `0123456789ab`.')
  })
})

describe('renderPlanMarkdown length', () => {
  const many = (n: number) =>
    planOf(
      workspace('production', [
        ...Array.from({length: n}, (_, i) =>
          change('update', `Segment ${i}`, {
            fields: [field(`adds filter \`tag contains value-${i}\``), field('join changes from and to or')],
            impact: {usage: 'known', audience: true, campaigns: [campaign(`Campaign ${i}`)]},
            risks: [{rule: 'campaign-impact', level: 'warn', message: `changes the audience of 1 active campaign ("Campaign ${i}")`}],
          }),
        ),
        change('delete', 'Must be seen', {risks: [blockedDelete('Must be seen')]}),
      ]),
    )

  it(`never exceeds ${COMMENT_LIMIT.toLocaleString('en-US')} characters: it cuts whole changes and says where the full plan is`, () => {
    const md = renderPlanMarkdown(many(3000), {marker: MARKER, fullPlanUrl: 'https://github.com/acme/segments/actions/runs/42'})
    expect(md.length).toBeLessThanOrEqual(COMMENT_LIMIT)
    expect(md.startsWith(`${MARKER}\n`)).toBe(true)
    expect(md).toMatch(/> This plan shows \d+ of 3001 changes (?:and shortens \d+ )?to stay under 65,000 characters\. The full plan is in the \[job summary\]\(<https:\/\/github\.com\/acme\/segments\/actions\/runs\/42>\) of this run/)
    // The blocked delete comes first, so it is never the one cut.
    expect(md).toContain('#### ⛔ Delete `Must be seen`')
    expect(md.trimEnd().split('\n').at(-1)).toMatch(/^<sub>segsync/)
    const shown = Number(/shows (\d+) of/.exec(md)![1])
    expect(md.split('\n').filter((l) => l.startsWith('#### '))).toHaveLength(shown)
  })

  it('keeps everything when it fits', () => {
    const md = renderPlanMarkdown(many(20))
    expect(md).not.toContain('[!NOTE]')
    expect(md.split('\n').filter((l) => l.startsWith('#### '))).toHaveLength(21)
  })

  it('shortens a change too long to show whole, keeping what blocks it', () => {
    const huge = change('update', 'Huge', {
      fields: Array.from({length: 5000}, (_, i) => field(`adds filter \`tag contains a-rather-long-value-number-${i}\``)),
      impact: {usage: 'known', audience: true, campaigns: [campaign('Spring sale')]},
      risks: [blockedByCampaigns(['Spring sale'])],
    })
    const md = renderPlanMarkdown(planOf(workspace('production', [huge])), {maxChars: 10_000})
    expect(md.length).toBeLessThanOrEqual(10_000)
    expect(md).toContain('#### ⛔ Update `Huge`')
    expect(md).toContain('_5000 field changes and 1 campaign not shown here for length: see the full plan._')
    expect(md).toContain('⛔ **Blocked:** changes the audience of 1 active campaign (<kbd>Spring sale</kbd>)')
    expect(md).toContain('> This plan shortens 1 to stay under 10,000 characters.')
  })
})
