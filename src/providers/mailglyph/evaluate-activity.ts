/**
 * MailGlyph's activity filters (vendors.md §1.5): `event.<name>` reads the events a contact
 * triggered and `email.<type>` its email activity (sent, delivered, opened, clicked, bounced,
 * complained), with the operators triggered, triggeredWithin, triggeredOlderThan and notTriggered
 * (upstream Plunk SegmentService.buildEventCondition / buildEmailActivityCondition).
 */
import type {MailGlyphProfile} from '../../generated/mailglyph-profile.js'
import type {Filter} from './conditions.js'
import {cutoff, instant, since, type Verdict} from './evaluate-time.js'

const EMAIL_TYPES = ['sent', 'delivered', 'opened', 'clicked', 'bounced', 'complained']

export function activityMatches(filter: Filter & {field: string}, contact: MailGlyphProfile, now: Date): Verdict {
  const times = occurrences(filter.field, contact)
  if (!Array.isArray(times)) return times
  switch (filter.operator) {
    case 'triggered':
      return times.length > 0
    case 'notTriggered':
      return times.length === 0
    case 'triggeredWithin':
    case 'triggeredOlderThan': {
      const cut = cutoff(now, filter.value, filter.unit)
      if (typeof cut !== 'number') return cut
      const recent = times.some((t) => since(t, cut))
      // "Has happened before, but not in the last X": at least once, and never since the cutoff.
      return filter.operator === 'triggeredWithin' ? recent : times.length > 0 && !recent
    }
    default:
      return {because: `MailGlyph does not evaluate ${filter.operator} on ${filter.field.startsWith('event.') ? 'events' : 'email activity'}`}
  }
}

/** When each occurrence happened (epoch ms): one per matching entry of `events` or `emails`. */
function occurrences(field: string, contact: MailGlyphProfile): number[] | {because: string} {
  const at = (entries: Array<{at: string}>) => entries.map((e) => instant(e.at)).filter((t): t is number => t !== undefined)
  if (field.startsWith('event.')) {
    const name = field.slice('event.'.length)
    return at((contact.events ?? []).filter((e) => e.name === name))
  }
  const type = field.slice('email.'.length)
  if (!EMAIL_TYPES.includes(type)) return {because: `MailGlyph has no email activity "${type}" (${EMAIL_TYPES.join(', ')})`}
  return at((contact.emails ?? []).filter((e) => e.type === type))
}
