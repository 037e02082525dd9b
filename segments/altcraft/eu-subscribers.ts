import {defineSegment} from 'segsync/altcraft'

// An updatable segment (stored members, refreshed daily) built on "Active subscribers". The "in
// segment" query holds that segment's id in this account (1), as copied from Altcraft; its API does
// not document the encoding, so segsync cannot read the reference: dependsOn declares it. segsync
// then creates "Active subscribers" first, and counts this segment's mailings when it changes.
export default defineSegment({
  name: 'EU subscribers',
  dependsOn: ['Active subscribers'],
  list_id: 1,
  is_static: true,
  is_refresh_daily: true,
  segment: [
    {
      condition: 'and',
      queries: [
        {compo: 'segments', name: 'segment', operator: 'in_segment', type: 'segment', value: [{name: 'segment_id', value: 1}]},
        {compo: 'default', name: '_region', operator: 'equal', type: 'string', value: [{name: 'value', value: 'EU'}]},
      ],
    },
  ],
})
