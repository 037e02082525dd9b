import {defineSegment} from 'segsync/mailglyph'

// Groups combine with `logic`; the filters inside a group are ANDed; a group may nest a condition.
export default defineSegment({
  name: 'Trial nurture',
  description: 'Trials from the last 30 days that have not bought yet',
  condition: {
    logic: 'AND',
    groups: [
      {
        filters: [
          {field: 'event.trial_started', operator: 'triggeredWithin', value: 30, unit: 'days'},
          {field: 'event.purchase', operator: 'notTriggered'},
        ],
        conditions: {
          logic: 'OR',
          groups: [
            {filters: [{field: 'data.company_size', operator: 'greaterThanOrEqual', value: 10}]},
            {filters: [{field: 'email.clicked', operator: 'triggered'}]},
          ],
        },
      },
    ],
  },
})
