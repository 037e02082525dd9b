/**
 * What the definition schema cannot say and MailGlyph rejects with a 400: a group with neither a
 * filter nor a nested condition, and a field the server cannot evaluate with that operator. The
 * field families are the ones MailGlyph documents ("email, subscribed, data.plan, event.purchase",
 * OpenAPI `SegmentFilter.field`) plus what its upstream evaluates (vendors.md §1.5): `createdAt`,
 * `updatedAt` and `email.<activity>`.
 */
import type {JsonPath} from '../../core/model.js'
import type {CheckIssue, SegmentBody} from '../../core/provider.js'
import {ACTIVITY_OPERATORS, isMembership, type Condition} from './conditions.js'

const COMPARE = ['equals', 'notEquals', 'greaterThan', 'lessThan', 'greaterThanOrEqual', 'lessThanOrEqual']
const EMAIL_ACTIVITIES = ['sent', 'delivered', 'opened', 'clicked', 'bounced', 'complained']

interface Family {
  label: string
  matches: (field: string) => boolean
  operators: string[]
}

const FAMILIES: Family[] = [
  {label: 'events (event.<name>)', matches: (f) => f.startsWith('event.'), operators: ACTIVITY_OPERATORS},
  {label: 'email activity (email.<activity>)', matches: (f) => f.startsWith('email.'), operators: ACTIVITY_OPERATORS},
  {label: 'custom fields (data.<name>)', matches: (f) => f.startsWith('data.'), operators: [...COMPARE, 'contains', 'notContains', 'exists', 'notExists', 'within', 'olderThan']},
  {label: 'email', matches: (f) => f === 'email', operators: ['equals', 'notEquals', 'contains', 'notContains']},
  {label: 'subscribed', matches: (f) => f === 'subscribed', operators: ['equals', 'notEquals']},
  {label: 'dates (createdAt, updatedAt)', matches: (f) => f === 'createdAt' || f === 'updatedAt', operators: [...COMPARE, 'within', 'olderThan']},
]

export function checkBody(body: SegmentBody): CheckIssue[] {
  const condition = body.condition as Condition | undefined
  return condition ? conditionIssues(condition, ['condition']) : []
}

function conditionIssues(condition: Condition, path: JsonPath): CheckIssue[] {
  return condition.groups.flatMap((group, i) => {
    const at = [...path, 'groups', i]
    const issues: CheckIssue[] = []
    if (group.filters.length === 0 && !group.conditions) {
      issues.push({path: [...at, 'filters'], message: 'a group needs at least one filter or a nested condition', hint: 'MailGlyph rejects empty groups: add a filter or remove the group.'})
    }
    group.filters.forEach((filter, j) => {
      if (isMembership(filter.operator) || typeof filter.field !== 'string') return
      const issue = fieldIssue(filter.field, filter.operator, [...at, 'filters', j])
      if (issue) issues.push(issue)
    })
    if (group.conditions) issues.push(...conditionIssues(group.conditions, [...at, 'conditions']))
    return issues
  })
}

function fieldIssue(field: string, operator: string, path: JsonPath): CheckIssue | undefined {
  const family = FAMILIES.find((f) => f.matches(field))
  if (!family) {
    return {
      path: [...path, 'field'],
      message: `MailGlyph cannot filter on ${JSON.stringify(field)}`,
      hint: `Custom fields take a "data." prefix (${JSON.stringify(`data.${field}`)}); events "event."; standard fields are email, subscribed, createdAt, updatedAt.`,
    }
  }
  if (family.label.startsWith('email activity') && !EMAIL_ACTIVITIES.includes(field.slice('email.'.length))) {
    return {path: [...path, 'field'], message: `unknown email activity ${JSON.stringify(field)}`, hint: `Email activities: ${EMAIL_ACTIVITIES.map((a) => `email.${a}`).join(', ')}.`}
  }
  if (!family.operators.includes(operator)) {
    return {path: [...path, 'operator'], message: `operator ${JSON.stringify(operator)} does not apply to ${family.label}`, hint: `Allowed for ${JSON.stringify(field)}: ${family.operators.join(', ')}.`}
  }
  return undefined
}
