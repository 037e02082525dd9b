/**
 * The adapter's docs-silent choices for MailGlyph (vendors.md §1), each in one place. The published
 * OpenAPI (Mailrify/mailrify-node docs/openapi.json) marks no response field required, and its
 * generated examples leave out every enum field (seed 000's Segment example has no `type`).
 */
import type {Segment} from '../../generated/mailglyph-responses.js'

/**
 * Which segments segsync may change. MailGlyph creates DYNAMIC segments only through the API (the
 * create body has no `type`, vendors.md §1.3), and a STATIC one is a member list. A segment whose
 * answer does not say its `type` could be either: it is listed read-only, never written, so a
 * STATIC list is never given a condition it ignores (Plunk SegmentService.update) and no plan
 * flaps between the two readings. `segsync doctor` reports segments without a type.
 */
export function readOnlyReason(s: Pick<Segment, 'type'>): string | undefined {
  if (s.type === 'DYNAMIC') return undefined
  if (s.type === 'STATIC') return 'a STATIC segment (its members are a list, not a condition); segsync manages DYNAMIC segments only'
  return 'MailGlyph did not say whether this segment is DYNAMIC or STATIC (no `type` in its answer); segsync changes only segments it knows are DYNAMIC'
}

/**
 * An error inside a 2xx (the OpenAPI `Error` object with a 2xx status) is a refusal. Its `code` is
 * kept as the status only when it says the key was refused (401/403: exit 4 and "usage unknown" on
 * campaigns, as the status would); any other code is a plain refusal, so a `code: 404` inside a 2xx
 * never reads as "already deleted".
 */
export const REFUSAL_CODES_KEPT = [401, 403]
