/**
 * Who is in each segment, for `memberCount` (OpenAPI `Segment`, vendors.md §1.3): a DYNAMIC
 * segment's condition over the emulator's contacts, decided by segsync's own MailGlyph evaluator
 * (src/providers/mailglyph/evaluate.ts: one reading of the documents, shared by `segsync test`);
 * a STATIC segment's uploaded list of emails. Upstream Plunk caches the count and recomputes it on
 * create, on update and in a background job (SegmentService.refreshMemberCount); the emulator
 * recounts on load and whenever a /segments route answers with a segment (the segment a campaign
 * detail embeds shows its last count, as Plunk's cached one would).
 */
import type {Explained} from '../../core/provider.js'
import {evaluate} from '../../providers/mailglyph/evaluate.js'
import type {MailGlyphState, StoredContact, StoredSegment} from './state.js'

/** Recounts `segments` (all by default): each answer carries the count of the segment it shows. */
export function refreshCounts(state: MailGlyphState, now = new Date(), segments: StoredSegment[] = state.segments): void {
  for (const segment of segments) {
    segment.memberCount = state.contacts.filter((c) => membership(state, segment, c, now, new Set()).value === true).length
  }
}

/** A contact in a segment. A contact the evaluator cannot decide for is not counted. */
function membership(state: MailGlyphState, segment: StoredSegment, contact: StoredContact, now: Date, visiting: Set<string>): Explained {
  const text = `in segment ${JSON.stringify(segment.name)}`
  // Plunk matches the emails of a static upload case-insensitively (SegmentService.addContacts).
  if (segment.type === 'STATIC') return {text, value: (segment.members ?? []).some((e) => e.toLowerCase() === contact.email.toLowerCase())}
  if (visiting.has(segment.id)) return {text, value: 'unknown', because: 'a reference cycle'}
  visiting.add(segment.id)
  try {
    return evaluate({condition: segment.condition}, contact as unknown as Record<string, unknown>, {
      now,
      // A MailGlyph body names the other segment by id (membershipId strips `segment.`).
      inSegment: (ref) => {
        const other = typeof ref === 'string' ? state.segments.find((s) => s.id === ref) : undefined
        return other ? membership(state, other, contact, now, visiting) : undefined
      },
    })
  } finally {
    visiting.delete(segment.id)
  }
}
