/**
 * Names and values are data: backticks, HTML comments, pipes, `$` and @mentions in them render as
 * themselves and cannot break a code span, hide the rest of the comment or ping anyone.
 */
import {describe, expect, it} from 'vitest'
import {fieldText, inlineCode, messageText, plainText} from '../../src/render/markdown/escape.js'
import {renderPlanMarkdown} from '../../src/render/markdown.js'
import {campaign, change, field, planOf, workspace} from '../helpers/plan-document.js'
import {codeSpans, outsideCode} from '../helpers/markdown-spans.js'
import {mermaidBlocks, parseMermaid} from '../helpers/mermaid.js'

const NASTY = ['a`b', '``double``', '`edge`', ' padded ', '<!-- hides the rest', '@acme/marketing', 'pipe | $x$ *bold* _it_ [link](x) <b>', 'x```fence```y', '']

describe('inlineCode', () => {
  it.each(NASTY)('renders %j as exactly one code span holding it verbatim', (name) => {
    const md = inlineCode(name)
    expect(codeSpans(md)).toEqual([name === '' ? ' ' : name])
    expect(outsideCode(md)).toBe('')
  })

  it('keeps a code span on one line', () => {
    expect(codeSpans(inlineCode('two\nlines'))).toEqual(['two lines'])
  })
})

describe('plainText and messages', () => {
  it('escapes what could start Markdown or HTML and breaks @mentions', () => {
    const text = plainText('<!-- a | b `c` *d* $e$ @team & [f]')
    expect(text).not.toMatch(/(?<!\\)[<|`*$[]/)
    expect(text).toContain('@\u200bteam')
  })

  it('shows names quoted in rule messages as code spans, even with quotes and backticks inside', () => {
    const md = messageText(`changes the audience of 2 active campaigns (${JSON.stringify('He said "hi"')}, ${JSON.stringify('a`b')})`)
    expect(codeSpans(md)).toEqual(['He said "hi"', 'a`b'])
    expect(outsideCode(md)).toBe('changes the audience of 2 active campaigns (, )')
  })

  it('keeps the code spans a rule wrote', () => {
    expect(codeSpans(messageText('"VIP" is protected: remove `protected: true` first'))).toEqual(['VIP', 'protected: true'])
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
        return i % 2 === 0 ? change('update', name, {...facts, previousName: i === 0 ? NASTY[1] : undefined}) : change('delete', name, facts)
      }),
      {unmanaged: [{id: 's', name: '<!-- unmanaged'}]},
    ),
  )
  const md = renderPlanMarkdown(plan, {marker: '<!-- segsync:plan:all -->'})
  // The impact picture is Mermaid, not Markdown: Mermaid's parser checks it (below).
  const lines = md.replace(/^```mermaid\n[\s\S]*?^```$/gm, '').split('\n')

  it('shows every name whole inside a code span', () => {
    const spans = lines.flatMap(codeSpans)
    for (const name of NASTY.filter(Boolean)) {
      expect(spans, name).toContain(name)
      // A value holding a backtick makes the provider's own backticks ambiguous: the whole text is one span.
      expect(spans, name).toContain(name.includes('`') ? `adds filter \`tag contains ${name}\`` : `tag contains ${name}`)
    }
  })

  it('has no HTML, mention, math or emphasis outside code spans but its own marker and footer', () => {
    for (const line of lines.slice(1)) {
      const outside = outsideCode(line).replace(/<\/?sub>/g, '')
      expect(outside, line).not.toMatch(/(?<!\\)[<`$|]/)
      expect(outside, line).not.toMatch(/@(?!\u200b)/)
    }
  })

  it('opens no code fence that could swallow the rest of the comment', () => {
    expect(lines.filter((l) => /^\s{0,3}(```|~~~)/.test(l))).toEqual([])
  })

  it('draws the picture in one ```mermaid block that no name closes, and Mermaid parses it', async () => {
    expect(md.split('\n').filter((l) => /^\s{0,3}(```|~~~)/.test(l))).toEqual(['```mermaid', '```'])
    const blocks = mermaidBlocks(md)
    expect(blocks).toHaveLength(1)
    expect(await parseMermaid(blocks[0]!)).toBe('flowchart-v2')
  })
})
