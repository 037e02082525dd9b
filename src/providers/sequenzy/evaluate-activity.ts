/**
 * Filters on what a subscriber did (vendors.md §3.5; Sequenzy/mcp segment-validation.ts):
 * email engagement (`emailSent` … `emailComplained`, `emailBounced` with its bounce kinds) read
 * the profile's `emails`, `event` reads its `events`. Values: a time range (`30d`, `all`),
 * `campaign:<id>`, or `count:range` for at_least (encodings.ts). Positive operators only.
 */
import type {EmailActivity, SequenzyProfile} from '../../generated/sequenzy-profile.js'
import {inRange, parseEngagement, parseEvent, type Engagement} from './encodings.js'
import {semantics} from './semantics.js'
import {cannot, unsupported, type FieldCheck, type Verdict} from './verdict.js'

const ENGAGEMENT: Record<string, EmailActivity['type']> = {
  emailSent: 'sent',
  emailDelivered: 'delivered',
  emailOpened: 'opened',
  emailClicked: 'clicked',
  emailBounced: 'bounced',
  emailComplained: 'complained',
}

function engagement(field: string, type: EmailActivity['type']): FieldCheck {
  return (op, value, p, now) => {
    const scope = parseEngagement(value)
    if (!scope) return cannot(unreadable(value))
    const matching = (p.emails ?? []).filter((e) => e.type === type && inScope(e, scope, now))
    switch (op) {
      case 'is':
        return scope.kind === 'count' ? cannot('"count:range" goes with at_least/less_than_count; is takes a time range or campaign:<id>') : matching.length > 0
      case 'at_least':
        return scope.kind === 'count' ? matching.length >= scope.count : cannot('at_least takes "count:range", such as "2:30d"')
      case 'is_temporary_bounce':
      case 'is_permanent_bounce':
        if (type !== 'bounced') return unsupported(field)
        return scope.kind === 'count' ? cannot(`${op} takes a time range or campaign:<id>`) : bounceOfKind(matching, op === 'is_temporary_bounce' ? 'temporary' : 'permanent')
      default:
        return unsupported(field)
    }
  }
}

function inScope(e: EmailActivity, scope: Engagement, now: Date): boolean {
  // semantics.campaignlessEmailsMatchNoCampaign: an entry without campaignId is in no campaign.
  if (scope.kind === 'campaign') return e.campaignId === scope.campaignId && inRange(e.at, {all: true}, now)
  return inRange(e.at, scope.range, now)
}

/** A bounce of that kind; a bounce whose kind the profile does not say leaves it open. */
function bounceOfKind(bounces: EmailActivity[], kind: 'temporary' | 'permanent'): Verdict {
  if (bounces.some((b) => b.bounceType === kind)) return true
  return bounces.some((b) => b.bounceType === undefined) ? cannot('a bounced email in range has no bounceType (temporary or permanent)') : false
}

function unreadable(value: string): string {
  // Sequenzy/mcp: "campaign- or delivery-policy-scoped engagement filters such as `emailOpened is marketing:all`".
  const policy = /^([a-z_]+):(all|\d+d)$/.exec(value)?.[1]
  if (policy) return `${JSON.stringify(value)} is scoped by delivery policy (${policy}), which a profile's emails do not carry`
  return `${JSON.stringify(value)} is not a time range ("30d", "all"), "campaign:<id>" or "count:range" ("2:30d")`
}

const event: FieldCheck = (op, value, p: SequenzyProfile, now) => {
  if (op !== 'is' && op !== 'at_least') return unsupported('event')
  const wanted = parseEvent(value, op === 'at_least')
  if (!wanted) return cannot(op === 'is' ? 'the value is not "name:range", such as "saas.purchase:30d"' : 'the value is not "name:count:range", such as "saas.purchase:2:30d"')
  const same = (name: string) => (semantics.eventNamesExact ? name === wanted.name : name.toLowerCase() === wanted.name.toLowerCase())
  return (p.events ?? []).filter((e) => same(e.name) && inRange(e.at, wanted.range, now)).length >= wanted.count
}

export const activityFields: Record<string, FieldCheck> = {
  ...Object.fromEntries(Object.entries(ENGAGEMENT).map(([field, type]) => [field, engagement(field, type)])),
  event,
}
