/**
 * What the schema cannot say about a Push0 body: value formats the field table documents
 * (seed 003) for exact comparisons. A wrong code ("en" for English) is accepted by the API and
 * silently matches no device, so it is worth stopping before apply. Prefix and substring
 * relations (`starts_with`, `contains`…) take partial values and are not checked.
 */
import type {CheckIssue, SegmentBody} from '../../core/provider.js'

const EXACT = new Set(['==', '!='])

const FORMATS: Record<string, {valid: (value: string) => boolean; message: (value: string) => string; hint: string}> = {
  country: {
    valid: (v) => /^[A-Z]{2}$/.test(v),
    message: (v) => `country ${JSON.stringify(v)} is not a 2-letter ISO 3166-1 alpha-2 code`,
    hint: 'Push0 expects upper-case 2-letter country codes, e.g. "US", "PL".',
  },
  language: {
    valid: (v) => /^[a-z]{3}$/.test(v),
    message: (v) => `language ${JSON.stringify(v)} is not a 3-letter ISO 639-2 alpha-3 code`,
    hint: 'Push0 expects 3-letter language codes, e.g. "eng", "pol".',
  },
  type: {
    valid: (v) => ['phone', 'tablet', 'smartwatch', 'desktop'].includes(v),
    message: (v) => `device type ${JSON.stringify(v)} is not one Push0 knows`,
    hint: 'Accepted values: phone, tablet, smartwatch, desktop.',
  },
}

export function checkBody(body: SegmentBody): CheckIssue[] {
  const issues: CheckIssue[] = []
  const groups = Array.isArray(body.constraints) ? (body.constraints as Array<{constraints?: Array<{field?: unknown; relation?: unknown; value?: unknown}>}>) : []
  groups.forEach((group, g) => {
    ;(group.constraints ?? []).forEach((c, i) => {
      const format = FORMATS[String(c.field)]
      if (!format || !EXACT.has(String(c.relation)) || typeof c.value !== 'string' || format.valid(c.value)) return
      issues.push({path: ['constraints', g, 'constraints', i, 'value'], message: format.message(c.value), hint: format.hint})
    })
  })
  return issues
}
