import {defineSegmentTest} from 'segsync/kibamail'

// $not and topics: a reader of the newsletter who never bought, in the US or on a paid plan.
export default defineSegmentTest({
  profiles: [
    {id: 'reader-us', email: 'a@example.com', topics: ['topic_newsletter'], properties: {country: 'US', plan: 'free'}},
    {id: 'reader-paid-fr', email: 'b@example.fr', topics: ['topic_product_updates'], properties: {country: 'FR', plan: 'pro'}},
    {id: 'buyer', email: 'c@example.com', topics: ['topic_newsletter'], properties: {country: 'US', last_purchase_date: '2026-10-02'}},
    {id: 'not-subscribed', email: 'd@example.com', topics: [], properties: {country: 'US'}},
  ],
  expect: [
    {segment: 'Engaged non-buyers', members: ['reader-us', 'reader-paid-fr'], nonMembers: ['buyer', 'not-subscribed']},
    {segment: 'Newsletter readers', members: ['reader-us', 'buyer'], nonMembers: ['reader-paid-fr', 'not-subscribed']},
  ],
})
