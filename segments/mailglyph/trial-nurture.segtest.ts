import {defineSegmentTest} from 'segsync/mailglyph'

// A group's filters and its nested condition are ANDed; the nested groups are ORed. Custom data
// compares exactly: "Pro" is not "pro", and the text "25" is not the number 25.
export default defineSegmentTest({
  now: '2026-11-30T12:00:00Z',
  profiles: [
    {id: 'team-trial', email: 'team@example.com', data: {company_size: 25}, events: [{name: 'trial_started', at: '2026-11-20T09:00:00Z'}]},
    {id: 'solo-clicker', email: 'solo@example.com', data: {company_size: 1}, events: [{name: 'trial_started', at: '2026-11-25T09:00:00Z'}], emails: [{type: 'clicked', at: '2026-11-26T10:00:00Z'}]},
    {id: 'solo-quiet', email: 'quiet@example.com', data: {company_size: 1}, events: [{name: 'trial_started', at: '2026-11-25T09:00:00Z'}]},
    {id: 'bought', email: 'buyer@example.com', data: {company_size: 50, plan: 'pro'}, events: [{name: 'trial_started', at: '2026-11-20T09:00:00Z'}, {name: 'purchase', at: '2026-11-28T09:00:00Z'}]},
    {id: 'old-trial', email: 'old@example.com', data: {company_size: 50, plan: 'team'}, events: [{name: 'trial_started', at: '2026-09-01T09:00:00Z'}]},
    {id: 'size-as-text', email: 'text@example.com', data: {company_size: '25', plan: 'Pro'}, events: [{name: 'trial_started', at: '2026-11-20T09:00:00Z'}]},
  ],
  expect: [
    {segment: 'Trial nurture', members: ['team-trial', 'solo-clicker'], nonMembers: ['solo-quiet', 'bought', 'old-trial', 'size-as-text']},
    {segment: 'Paying customers', members: ['bought', 'old-trial'], nonMembers: ['team-trial', 'size-as-text']},
  ],
})
