import {defineSegment} from 'segsync/mailglyph'

// Only the description changes: the plan lists the campaign using the segment, but a description
// never changes who is in it, so nothing is blocked.
export default defineSegment({
  name: 'Paying customers',
  description: 'Pro and Team plans',
  condition: {
    logic: 'OR',
    groups: [
      {filters: [{field: 'data.plan', operator: 'equals', value: 'pro'}]},
      {filters: [{field: 'data.plan', operator: 'equals', value: 'team'}]},
    ],
  },
})
