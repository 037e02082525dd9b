import {defineSegment} from 'segsync/sequenzy'

export default defineSegment({
  name: 'Paying customers',
  root: {
    kind: 'group',
    joinOperator: 'or',
    children: [
      {kind: 'filter', field: 'stripeCurrentProduct', operator: 'is', value: 'prod_pro'},
      {kind: 'filter', field: 'stripeCurrentProduct', operator: 'is', value: 'prod_team'},
    ],
  },
})
