import {defineSegmentTest} from 'segsync/sequenzy'

// Trial nurture = in "Active non-buyers - 30 days", not in "Paying customers", and on a trial.
// "Paying customers" reads Stripe subscriptions, which a profile cannot carry: for someone who is
// an active non-buyer on a trial that part stays open, so `segsync test` skips them and names the
// Stripe filter (never a guess). Anyone outside the first segment is decided without it.
export default defineSegmentTest({
  now: '2026-11-30T12:00:00Z',
  profiles: [
    {
      id: 'trialist',
      status: 'active',
      tags: ['trial'],
      emails: [
        {type: 'opened', at: '2026-11-24T08:00:00Z'},
        {type: 'opened', at: '2026-11-27T08:00:00Z'},
      ],
    },
    {
      id: 'bought-during-trial',
      status: 'active',
      tags: ['trial'],
      events: [{name: 'saas.purchase', at: '2026-11-29T10:00:00Z'}],
      emails: [
        {type: 'opened', at: '2026-11-24T08:00:00Z'},
        {type: 'opened', at: '2026-11-27T08:00:00Z'},
      ],
    },
    {id: 'quiet-trialist', status: 'active', tags: ['Trial'], emails: [{type: 'opened', at: '2026-11-24T08:00:00Z'}]},
    {id: 'unsubscribed-trialist', status: 'unsubscribed', tags: ['trial']},
  ],
  expect: [
    {segment: 'Trial nurture', members: ['trialist'], nonMembers: ['bought-during-trial', 'quiet-trialist', 'unsubscribed-trialist']},
  ],
})
