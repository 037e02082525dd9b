/**
 * A filter that references another segment reads once, the same way for every vendor and in the
 * plan: `in segment "X"` / `not in segment "X"` (not `segment is segment "X"` or `member of segment`).
 */
import {describe, expect, it} from 'vitest'
import {filterText} from '../../src/providers/mailglyph/conditions.js'
import {leafText} from '../../src/providers/sequenzy/conditions.js'
import {diffWorkspace} from '../../src/core/diff/diff-workspace.js'
import {sequenzy} from '../../src/providers/sequenzy/index.js'
import {colors} from '../../src/render/colors.js'
import {renderChange} from '../../src/render/markdown/change.js'
import {renderPlanText} from '../../src/render/plan-text.js'
import {definition, group, leaf, remote} from '../helpers/builders.js'
import {planOf, workspace} from '../helpers/plan-document.js'
import {filter} from '../helpers/mailglyph.js'
import {textsOf, toHtml} from '../helpers/render-html.js'

describe('a reference to another segment, in words', () => {
  it.each([
    ['Sequenzy is', leafText({field: 'segment', operator: 'is', value: {$segment: 'VIP'}}), 'in segment "VIP"'],
    ['Sequenzy is_not', leafText({field: 'segment', operator: 'is_not', value: {$segment: 'VIP'}}), 'not in segment "VIP"'],
    ['Sequenzy, an id no definition names', leafText({field: 'segment', operator: 'is', value: 'seg_42'}), 'in segment seg_42'],
    ['MailGlyph memberOfSegment', filterText(filter({$segment: 'VIP'}, 'memberOfSegment')), 'in segment "VIP"'],
    ['MailGlyph notMemberOfSegment', filterText(filter({$segment: 'VIP'}, 'notMemberOfSegment')), 'not in segment "VIP"'],
    ['MailGlyph, an id', filterText(filter('segment.seg_42', 'memberOfSegment')), 'in segment segment.seg_42'],
  ])('%s reads %j', (_vendor, text, expected) => {
    expect(text).toBe(expected)
  })

  it('leaves other filters as they were', () => {
    expect(leafText({field: 'event', operator: 'is_not', value: 'saas.purchase:30d'})).toBe('event is_not saas.purchase:30d')
    expect(filterText(filter('data.plan', 'equals', 'premium'))).toBe('data.plan equals "premium"')
  })

  // A Sequenzy update through the diff stage: the definition now excludes another segment.
  const churn = group('and', leaf('status', 'is', 'churning'))
  const {changes} = diffWorkspace({
    definitions: [definition('Engaged', group('and', leaf('status', 'is', 'active'), leaf('segment', 'is_not', {$segment: 'Churn risk'}))), definition('Churn risk', churn)],
    remotes: [remote('seg_e', 'Engaged', group('and', leaf('status', 'is', 'active'))), remote('seg_c', 'Churn risk', churn)],
    provider: sequenzy,
    prune: false,
  })
  const added = changes[0]!

  it('reads the same in the plan text', () => {
    expect(renderPlanText(planOf(workspace('production', [added])), colors(false))).toContain('adds filter `not in segment "Churn risk"`')
  })

  it('shows the referenced name in the comment as a name that does not wrap, once', () => {
    const html = toHtml(renderChange(added))
    expect(html).toContain('<li>adds filter <code>not in segment</code> <kbd>Churn risk</kbd></li>')
    expect(textsOf(html, 'li').join('\n')).not.toMatch(/segment is|member of/)
  })
})
