/**
 * Names and values are data: backticks, HTML comments, pipes, `$` and @mentions in them render as
 * themselves and cannot break a code span, a name box or a diff fence, hide the rest of the comment
 * or ping anyone. Checked on the Markdown source and on what a CommonMark renderer makes of it.
 */
import {describe, expect, it} from 'vitest'
import {fieldText, inlineCode, messageText, plainText, unbroken} from '../../src/render/markdown/escape.js'
import {renderPlanMarkdown} from '../../src/render/markdown.js'
import {campaign, change, field, planOf, workspace} from '../helpers/plan-document.js'
import {codeSpans, outsideCode} from '../helpers/markdown-spans.js'
import {elementsIn, textsOf, toHtml} from '../helpers/render-html.js'
import {mermaidBlocks, parseMermaid} from '../helpers/mermaid.js'

const NASTY = ['a`b', '``double``', '`edge`', ' padded ', '<!-- hides the rest', '@acme/marketing', 'pipe | $x$ *bold* _it_ [link](x) <b>', 'x```fence```y', '']

describe('inlineCode', () => {
  it.each(NASTY)('renders %j as exactly one code span holding it verbatim', (name) => {
    const md = inlineCode(name)
    expect(codeSpans(md)).toEqual([name === '' ? ' ' : name])
    expect(outsideCode(md)).toBe('')
  })

  it.each(NASTY)('renders %j through a CommonMark renderer as one code element holding it', (name) => {
    const html = toHtml(`text ${inlineCode(name)} more`)
    expect(textsOf(html, 'code')).toEqual([name === '' ? ' ' : name.startsWith(' ') && name.endsWith(' ') ? name : name])
  })

  it('keeps a code span on one line', () => {
    expect(codeSpans(inlineCode('two\nlines'))).toEqual(['two lines'])
  })
})

describe('unbroken: names and flags that do not wrap', () => {
  it.each([...NASTY, '--allow-campaign-impact', 'back\\slash &amp; entity', '</kbd><script>x</script>'])('renders %j as one <kbd> box holding exactly it, and nothing else', (name) => {
    const html = toHtml(`text ${unbroken(name)} more`)
    expect(textsOf(html, 'kbd')).toEqual([name === '' ? ' ' : name.replace(/@/g, '@\u200b')])
    expect([...elementsIn(html)].sort()).toEqual(['kbd', 'p'])
  })

  it('keeps a flag as typed, so it can be copied and searched for (no non-breaking hyphens or joiners)', () => {
    expect(unbroken('--allow-campaign-impact')).toBe('<kbd>--allow-campaign-impact</kbd>')
    expect(unbroken('segsync plan --out plan.json')).toBe('<kbd>segsync plan --out plan.json</kbd>')
  })
})

describe('plainText and messages', () => {
  it('escapes what could start Markdown or HTML and breaks @mentions', () => {
    const text = plainText('<!-- a | b `c` *d* $e$ @team & [f]')
    expect(text).not.toMatch(/(?<!\\)[<|`*$[]/)
    expect(text).toContain('@\u200bteam')
  })

  it('shows names quoted in rule messages as unbroken names, even with quotes and backticks inside', () => {
    const html = toHtml(messageText(`changes the audience of 2 active campaigns (${JSON.stringify('He said "hi"')}, ${JSON.stringify('a`b')})`))
    expect(textsOf(html, 'kbd')).toEqual(['He said "hi"', 'a`b'])
    expect(textsOf(html, 'p')).toEqual(['changes the audience of 2 active campaigns (He said "hi", a`b)'])
  })

  it('keeps the code spans a rule wrote', () => {
    const html = toHtml(messageText('"VIP" is protected: remove `protected: true` first'))
    expect(textsOf(html, 'kbd')).toEqual(['VIP'])
    expect(textsOf(html, 'code')).toEqual(['protected: true'])
  })

  it('keeps a command or flag a message quotes from wrapping', () => {
    const html = toHtml(messageText('this update would revert that edit; `segsync pull` writes it into the file, or pass `--allow-drift`'))
    expect(textsOf(html, 'kbd')).toEqual(['segsync pull', '--allow-drift'])
    expect(textsOf(html, 'code')).toEqual([])
  })

  it('shows a referenced segment inside a condition as a name, the rest of the condition as code', () => {
    const html = toHtml(fieldText('adds filter `in segment "Engaged readers"`', [{$segment: 'Engaged readers'}], new Set(['Engaged readers'])))
    expect(html.trim()).toBe('<p>adds filter <code>in segment</code> <kbd>Engaged readers</kbd></p>')
    // A quoted value that is no segment name stays in the code span, quotes and all.
    expect(textsOf(toHtml(fieldText('adds filter `tag is "vip"`', ['vip'])), 'code')).toEqual(['tag is "vip"'])
  })

  it('renders a field text verbatim in one code span when a value holds a backtick', () => {
    const text = 'adds filter `tag contains a`b`'
    expect(codeSpans(fieldText(text, [{field: 'tag', operator: 'contains', value: 'a`b'}]))).toEqual([text])
    expect(codeSpans(fieldText('adds filter `tag contains ab`', [{value: 'ab'}]))).toEqual(['tag contains ab'])
  })
})

describe('a plan full of hostile names', () => {
  const plan = planOf(
    workspace(
      'production',
      NASTY.filter(Boolean).map((name, i) => {
        const facts = {
          fields: [field(`adds filter \`tag contains ${name}\``, {after: {field: 'tag', operator: 'contains', value: name}}), field(`renames ${JSON.stringify(name)} to ${JSON.stringify('x')}`, {path: 'name', kind: 'change', before: name, after: 'x'})],
          impact: {usage: 'known' as const, audience: true, campaigns: [campaign(name, {via: [name]})]},
          risks: [{rule: 'campaign-impact' as const, level: 'block' as const, message: `changes the audience of 1 active campaign (${JSON.stringify(name)})`, allowFlag: '--allow-campaign-impact'}],
        }
        const bodies = {before: {tags: ['old', name]}, afterNormalized: {tags: ['new', name], [name]: name}}
        return i % 2 === 0 ? change('update', name, {...facts, ...bodies, previousName: i === 0 ? NASTY[1] : undefined}) : change('delete', name, facts)
      }),
      {unmanaged: [{id: 's', name: '<!-- unmanaged'}]},
    ),
  )
  const md = renderPlanMarkdown(plan, {marker: '<!-- segsync:plan:all -->'})
  const updates = plan.workspaces[0]!.changes.filter((c) => c.action === 'update')
  // The impact picture is Mermaid, not Markdown: Mermaid's parser checks it (below).
  const noPicture = md.replace(/^```mermaid\n[\s\S]*?^```$/gm, '')
  const html = toHtml(noPicture.slice(noPicture.indexOf('\n')))
  const withoutDiffs = (text: string) => text.replace(/^(`{3,})diff\n[\s\S]*?^\1$/gm, '')
  const lines = withoutDiffs(noPicture).split('\n')

  it('shows every name whole, as a heading code span and as an unbroken name', () => {
    const spans = lines.flatMap(codeSpans)
    const names = textsOf(html, 'kbd')
    for (const name of NASTY.filter(Boolean)) {
      expect(spans, name).toContain(name)
      expect(names, name).toContain(name.replace(/@/g, '@\u200b'))
      // A value holding a backtick makes the provider's own backticks ambiguous: the whole text is one span.
      expect(spans, name).toContain(name.includes('`') ? `adds filter \`tag contains ${name}\`` : `tag contains ${name}`)
    }
  })

  it('has no HTML but its own name boxes and collapsed diffs, and no mention, math or emphasis outside code', () => {
    expect([...elementsIn(html)].sort()).toEqual(['blockquote', 'code', 'details', 'h2', 'h3', 'h4', 'kbd', 'li', 'p', 'pre', 'strong', 'sub', 'summary', 'ul'])
    for (const line of lines.slice(1)) {
      const outside = outsideCode(line).replace(/<\/?(sub|kbd|details|summary)>/g, '')
      expect(outside, line).not.toMatch(/(?<!\\)[<`$|]/)
      expect(outside, line).not.toMatch(/@(?!\u200b)/)
    }
  })

  it('fences each diff so that nothing in a name closes it: one diff block per update, every body line inside', () => {
    const diffs = textsOf(html, 'pre')
    expect(diffs).toHaveLength(updates.length)
    for (const [i, u] of updates.entries()) {
      expect(diffs[i], u.name).toContain(`-    "old",`)
      expect(diffs[i], u.name).toContain(`+    "new",`)
      expect(diffs[i], u.name).toContain(`+  ${JSON.stringify(u.name)}: ${JSON.stringify(u.name)}`)
    }
    // The comment goes on after the last diff: its footer is still rendered.
    expect(html.trimEnd().endsWith('</sub></p>')).toBe(true)
  })

  it('opens no code fence outside the diffs that could swallow the rest of the comment', () => {
    expect(lines.filter((l) => /^\s{0,3}(```|~~~)/.test(l))).toEqual([])
  })

  it('draws the picture in one ```mermaid block that no name closes, and Mermaid parses it', async () => {
    expect(withoutDiffs(md).split('\n').filter((l) => /^\s{0,3}(```|~~~)/.test(l))).toEqual(['```mermaid', '```'])
    const blocks = mermaidBlocks(md)
    expect(blocks).toHaveLength(1)
    expect(await parseMermaid(blocks[0]!)).toBe('flowchart-v2')
  })
})
