import {defineSegment} from 'segsync/push0'

// Devices not seen in 2026 or with a single session, that still have a push token. Long fields take
// epoch milliseconds as numbers; groups are ANDed, constraints inside a group use its `type`.
export default defineSegment({
  name: 'Lapsed users',
  description: 'Win-back push: no session in 2026 or only one ever',
  constraints: [
    {
      type: 'OR',
      constraints: [
        {field: 'lastSession', relation: '<', value: 1767225600000},
        {field: 'sessionCount', relation: '<=', value: 1},
      ],
    },
    {type: 'AND', constraints: [{field: 'pushToken', relation: 'exists', value: ''}]},
  ],
})
