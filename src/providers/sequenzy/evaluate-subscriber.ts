/**
 * Filters on the subscriber record itself (seed 002's table; vendors.md §3.5): status, phone,
 * smsStatus, tag, email, emailProvider, list, added, firstName, lastName. Positive operators only
 * (verdict.ts); the open points they follow are in semantics.ts.
 */
import type {SequenzyProfile} from '../../generated/sequenzy-profile.js'
import {semantics} from './semantics.js'
import {blank, cannot, filled, fold, unsupported, type FieldCheck} from './verdict.js'

const DAY_MS = 24 * 60 * 60 * 1000

/** `is` against a value with a documented default (status, smsStatus). */
function enumField(field: string, read: (p: SequenzyProfile) => string): FieldCheck {
  return (op, value, p) => (op === 'is' ? read(p) === value : unsupported(field))
}

/** Text fields: `contains` / `is` ignore case, `is_empty` is absent, null or blank. */
function textField(field: string, operators: string[], read: (p: SequenzyProfile) => string | null | undefined): FieldCheck {
  return (op, value, p) => {
    const actual = filled(read(p))
    if (!operators.includes(op)) return unsupported(field)
    if (op === 'is_empty') return actual === undefined
    if (actual === undefined) return false
    return op === 'contains' ? fold(actual).includes(fold(value)) : fold(actual) === fold(value)
  }
}

export const subscriberFields: Record<string, FieldCheck> = {
  status: enumField('status', (p) => p.status ?? semantics.defaultStatus),
  smsStatus: enumField('smsStatus', (p) => p.smsStatus ?? semantics.defaultSmsStatus),
  phone: (op, _value, p) => (op === 'is_empty' ? blank(p.phone) : unsupported('phone')),
  // "exact, case-insensitive address matching" for is/is_not (MCP); seed 002 lists contains/not_contains.
  email: textField('email', ['contains', 'is'], (p) => p.email),
  firstName: textField('firstName', ['contains', 'is_empty'], (p) => p.firstName),
  lastName: textField('lastName', ['contains', 'is_empty'], (p) => p.lastName),
  tag: (op, value, p) => {
    const tags = new Set((p.tags ?? []).map(semantics.normalizeTag))
    if (op === 'is_empty') return tags.size === 0
    if (op !== 'contains') return unsupported('tag')
    const wanted = value.split(',').map(semantics.normalizeTag).filter(Boolean)
    return semantics.tagValuesMatchAny ? wanted.some((t) => tags.has(t)) : wanted.every((t) => tags.has(t))
  },
  list: (op, value, p) => {
    const lists = p.lists ?? []
    if (op === 'is_empty') return lists.length === 0
    return op === 'is' ? lists.includes(value) : unsupported('list')
  },
  emailProvider: (op, value, p) => {
    if (op !== 'is' && op !== 'is_empty') return unsupported('emailProvider')
    // Sequenzy derives the provider from the address by rules it does not publish: never guessed from the domain.
    if (p.emailProvider === undefined) return cannot('Sequenzy derives the mailbox provider itself; give the profile an emailProvider')
    const provider = filled(p.emailProvider)
    return op === 'is_empty' ? provider === undefined : provider !== undefined && fold(provider) === fold(value)
  },
  added: (op, value, p, now) => {
    if (op !== 'less_than' && op !== 'more_than') return unsupported('added')
    const days = semantics.addedValue.exec(value)?.[1]
    if (days === undefined) return cannot(`the format of added values is not documented; segsync reads "<n>d" such as "30d", not ${JSON.stringify(value)}`)
    if (p.createdAt === undefined) return cannot('the profile has no createdAt (when the subscriber was added)')
    const age = now.getTime() - Date.parse(p.createdAt)
    return op === 'less_than' ? age < Number(days) * DAY_MS : age > Number(days) * DAY_MS
  },
}
