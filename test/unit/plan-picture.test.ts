/**
 * The impact picture of a plan (a Mermaid flowchart in the comment and the job summary): what it
 * shows, how it is summarised past about 50 nodes without cutting a node or an edge, and that
 * Mermaid's own parser accepts every diagram, hostile names included.
 */
import {describe, expect, it} from 'vitest'
import type {Change} from '../../src/generated/plan.js'
import {renderJobSummary} from '../../src/render/github.js'
import {renderPlanMarkdown} from '../../src/render/markdown.js'
import {toMermaid} from '../../src/render/picture/mermaid.js'
import {MAX_NODES, planPicture} from '../../src/render/picture/plan-picture.js'
import {mermaidBlocks, parseMermaid} from '../helpers/mermaid.js'
import {blockedByCampaigns, campaign, change, demoPlan, planOf, workspace} from '../helpers/plan-document.js'

/** Nodes of a Mermaid flowchart: id, class and label lines with entity codes decoded. */
function nodes(mermaid: string): Map<string, {lines: string[]; kind?: string}> {
  const out = new Map<string, {lines: string[]; kind?: string}>()
  for (const [, id, label] of mermaid.matchAll(/^ +(\w+)[[(]+"(.*)"[\])]+$/gm)) {
    out.set(id!, {lines: label!.split('<br/>').map((l) => l.replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code))))})
  }
  for (const [, ids, kind] of mermaid.matchAll(/^ +class ([\w,]+) (\w+)$/gm)) for (const id of ids!.split(',')) out.get(id)!.kind = kind
  return out
}

function edges(mermaid: string): Array<[string, string]> {
  return [...mermaid.matchAll(/^ +(\w+) -\.?->\.? ?(\w+)$/gm)].map((m) => [m[1]!, m[2]!])
}

const labelOf = (mermaid: string, first: string) => [...nodes(mermaid).entries()].find(([, n]) => n.lines[0] === first)
const idOf = (mermaid: string, first: string) => labelOf(mermaid, first)?.[0]

describe('the plan picture', () => {
  const md = renderPlanMarkdown(demoPlan())
  const [diagram] = mermaidBlocks(md)

  it('is one ```mermaid block per workspace with changes, before the changes, and Mermaid parses it', async () => {
    expect(mermaidBlocks(md)).toHaveLength(1)
    expect(md.indexOf('```mermaid')).toBeLessThan(md.indexOf('#### '))
    expect(await parseMermaid(diagram!)).toBe('flowchart-v2')
  })

  it('draws each change, the segments it reaches through references, and the active campaigns reached', () => {
    const base = idOf(diagram!, 'Active non-buyers')!
    const winback = idOf(diagram!, 'Win-back audience')!
    const onboarding = idOf(diagram!, 'Onboarding')!
    const spring = idOf(diagram!, 'Spring sale')!
    expect(edges(diagram!)).toEqual(expect.arrayContaining([[base, spring], [base, winback], [winback, onboarding]]))
    expect(edges(diagram!)).not.toContainEqual([base, onboarding])
    expect(labelOf(diagram!, 'Onboarding')![1]).toEqual({lines: ['Onboarding', 'sequence · live'], kind: 'campaign'})
    expect(labelOf(diagram!, 'Paying customers')![1]).toEqual({lines: ['Paying customers', 'create'], kind: 'change'})
  })

  it('marks blocked changes with their own class and ⛔', () => {
    expect(labelOf(diagram!, 'Active non-buyers')![1]).toEqual({lines: ['Active non-buyers', '⛔ update'], kind: 'blocked'})
    expect(labelOf(diagram!, 'Legacy readers')![1]).toMatchObject({kind: 'blocked'})
    expect(diagram).toMatch(/^ +classDef blocked .*stroke-width:3px/m)
  })

  it('carries the audience in people on each changed segment', () => {
    const counted = (audience: Change['audience']) => renderPlanMarkdown(planOf(workspace('w', [change('update', 'Engaged readers', {audience})])))
    expect(labelOf(mermaidBlocks(counted({current: 12_400, proposed: 3_100, source: 'contacts/search'}))[0]!, 'Engaged readers')![1].lines).toEqual(['Engaged readers', 'update · 👥 12,400 → 3,100 (−75%)'])
    expect(labelOf(mermaidBlocks(counted({current: 12_400, proposed: null, source: 'segments/{id}/count'}))[0]!, 'Engaged readers')![1].lines).toEqual(['Engaged readers', 'update · 👥 12,400 now'])
    expect(labelOf(mermaidBlocks(counted({current: 500, proposed: 600, source: 'contacts/search', capped: true}))[0]!, 'Engaged readers')![1].lines).toEqual(['Engaged readers', 'update · 👥 ≥ 500 → ≥ 600 (+20% or more)'])
  })

  it('is in the job summary too', async () => {
    const [block] = mermaidBlocks(renderJobSummary(demoPlan()))
    expect(block).toBe(diagram)
  })

  it('draws nothing for a workspace without changes', () => {
    expect(mermaidBlocks(renderPlanMarkdown(planOf(workspace('w', [], {unchanged: ['A']}))))).toEqual([])
  })
})

/** `n` updates each reaching its own active campaign through its own referencing segment: 3n nodes. */
function bigPlan(n: number) {
  const changes = Array.from({length: n}, (_, i) =>
    change('update', `Segment ${i}`, {
      impact: {usage: 'known', audience: true, campaigns: [campaign(`Campaign ${i}`, {via: [`User ${i}`]})]},
      ...(i % 7 === 0 ? {risks: [blockedByCampaigns([`Campaign ${i}`])]} : {}),
    }),
  )
  return workspace('big', changes, {references: changes.map((c, i) => ({from: `User ${i}`, to: c.name}))})
}

/** Every edge joins two nodes the diagram declares: nothing is cut mid-graph. */
function whole(mermaid: string): boolean {
  const declared = nodes(mermaid)
  return edges(mermaid).every(([from, to]) => declared.has(from) && declared.has(to))
}

describe('a picture past about 50 nodes', () => {
  it('stays whole up to the limit', () => {
    const {picture, summarised} = planPicture(bigPlan(Math.floor(MAX_NODES / 3)))
    expect(summarised).toBe(false)
    expect(picture.nodes).toHaveLength(3 * Math.floor(MAX_NODES / 3))
  })

  it('is summarised to the changed segments, each with what it reaches, never cut mid-graph', async () => {
    const md = renderPlanMarkdown(planOf(bigPlan(20)))
    const [diagram] = mermaidBlocks(md)
    const declared = nodes(diagram!)
    expect(declared.size).toBe(20)
    expect(declared.get(idOf(diagram!, 'Segment 3')!)!.lines).toEqual(['Segment 3', 'update', 'reaches 1 segment · 1 active campaign'])
    expect(declared.get(idOf(diagram!, 'Segment 7')!)!.kind).toBe('blocked')
    expect(whole(diagram!)).toBe(true)
    expect(md).toContain('Summarised: the whole picture has 60 nodes')
    expect(await parseMermaid(diagram!)).toBe('flowchart-v2')
  })

  it('is summarised by kind of change when even the changed segments are too many', async () => {
    const md = renderPlanMarkdown(planOf(bigPlan(120)))
    const [diagram] = mermaidBlocks(md)
    const labels = [...nodes(diagram!).values()].map((n) => n.lines.join(' / '))
    expect(labels.sort()).toEqual(['120 active campaigns', '120 segments that reference them', '102 updates', '⛔ 18 blocked changes'].sort())
    expect(whole(diagram!)).toBe(true)
    expect(await parseMermaid(diagram!)).toBe('flowchart-v2')
  })
})

/** Names that are Mermaid, Markdown or HTML syntax, or simply far from ASCII. */
const HOSTILE = [
  'He said "hi"',
  'a[b]c(d){e}',
  '<script>alert(1)</script> & <b>',
  'a`b ``` c',
  '%%{init: {"theme": "dark"}}%%',
  '%% comment',
  '#35; #quot; ﬂ¶ß',
  'x --> y',
  'end',
  'subgraph',
  'click s1 call alert()',
  '$$ x^2 $$',
  'Żółć 日本語 👥 émigré',
  'two\nlines\tand tab',
  '-->|edge|',
  'Ünïcödé ' + 'x'.repeat(80),
]

describe('hostile names in the picture', () => {
  const plan = planOf(
    workspace(
      'ws "quoted" `x`',
      HOSTILE.map((name, i) => {
        const facts = {
          impact: {usage: 'known' as const, audience: true, campaigns: [campaign(`${name} campaign`, {via: [`${name} user`]})]},
          ...(i % 3 === 0 ? {risks: [blockedByCampaigns([name])]} : {}),
        }
        return i % 2 ? change('update', name, facts) : change('delete', name, facts)
      }),
      {references: HOSTILE.map((name) => ({from: `${name} user`, to: name}))},
    ),
  )

  it('keeps each name as the label it is (shortened past 60 characters), and Mermaid parses the diagram', async () => {
    const md = renderPlanMarkdown(plan)
    const [diagram] = mermaidBlocks(renderPlanMarkdown(planOf({...plan.workspaces[0]!, changes: plan.workspaces[0]!.changes.slice(0, 5)})))
    expect(await parseMermaid(diagram!)).toBe('flowchart-v2')
    const firsts = [...nodes(diagram!).values()].map((n) => n.lines[0])
    for (const name of HOSTILE.slice(0, 5)) expect(firsts).toContain(name)
    // The whole plan (summarised: 48 nodes would not fit with their campaigns) parses too.
    for (const block of mermaidBlocks(md)) expect(await parseMermaid(block)).toBe('flowchart-v2')
  })

  it('keeps every hostile name whole in a picture small enough to draw in full', async () => {
    for (const name of HOSTILE) {
      const ws = workspace('w', [change('update', name, {impact: {usage: 'known', audience: true, campaigns: [campaign(name, {via: [name + ' user']})]}})], {references: [{from: `${name} user`, to: name}]})
      const [diagram] = mermaidBlocks(renderPlanMarkdown(planOf(ws)))
      expect(await parseMermaid(diagram!), name).toBe('flowchart-v2')
      const shown = name.replace(/\s+/g, ' ')
      const expected = Array.from(shown).length > 60 ? Array.from(shown).slice(0, 59).join('') + '…' : shown
      expect([...nodes(diagram!).values()].map((n) => n.lines[0]), name).toContain(expected)
      // One line per node: no name closes a label, the block, or starts a directive or comment.
      expect(diagram!.split('\n').filter((l) => /^ +\w+[[(]/.test(l))).toHaveLength(3)
      expect(diagram).not.toMatch(/%%|```|<(?!br\/>)/)
    }
  })

  it('leaves the Markdown around the block intact: every change still has its heading', () => {
    const md = renderPlanMarkdown(plan)
    expect(md.match(/^#### /gm)).toHaveLength(HOSTILE.length)
    expect(md.match(/^```/gm)!.length % 2).toBe(0)
  })
})

describe('the picture in a comment short of room', () => {
  const plan = planOf(bigPlan(16))

  it('is summarised first, then left out, and never costs a change its place', async () => {
    const whole = renderPlanMarkdown(plan)
    const [full] = mermaidBlocks(whole)
    expect(nodes(full!).size).toBe(48)
    const tight = renderPlanMarkdown(plan, {maxChars: whole.length - 100})
    const [summary] = mermaidBlocks(tight)
    expect(nodes(summary!).size).toBe(16)
    expect(await parseMermaid(summary!)).toBe('flowchart-v2')
    const tiny = renderPlanMarkdown(plan, {maxChars: 3_000})
    expect(mermaidBlocks(tiny)).toEqual([])
    expect(tiny.match(/^#### /gm)!.length).toBeGreaterThan(0)
  })
})

describe('toMermaid with several groups', () => {
  it('puts each group in its own subgraph with prefixed ids, and Mermaid parses it', async () => {
    const picture = {nodes: [{id: 's1', lines: ['A'], kind: 'segment' as const}, {id: 's2', lines: ['B'], kind: 'segment' as const}], edges: [{from: 's1', to: 's2'}]}
    const text = toMermaid([{title: 'one "1"', picture}, {title: 'two', picture}])
    expect(text).toContain('subgraph w1["one #34;1#34;"]')
    expect(text).toContain('  w2_s1 --> w2_s2')
    expect(await parseMermaid(text)).toBe('flowchart-v2')
  })
})
