import {defineSegment, segment} from 'segsync/sequenzy'

// References two other segments by name: segsync creates them first and fills in their ids.
export default defineSegment({
  name: 'Trial nurture',
  root: {
    kind: 'group',
    joinOperator: 'and',
    children: [
      {kind: 'filter', field: 'segment', operator: 'is', value: segment('Active non-buyers - 30 days')},
      {kind: 'filter', field: 'segment', operator: 'is_not', value: segment('Paying customers')},
      {
        kind: 'group',
        joinOperator: 'or',
        children: [
          {kind: 'filter', field: 'stripeTrialProduct', operator: 'is', value: 'prod_pro'},
          {kind: 'filter', field: 'tag', operator: 'contains', value: 'trial'},
        ],
      },
    ],
  },
})
