/**
 * Each vendor's drift story for `segsync pull` (test/e2e/pull.test.ts): an account, a JSON and a
 * TS definition file that match it, an edit made "in the UI" (the emulator's state, changed
 * directly) touching every kind of field the vendor's schema has (conditions, description, flags),
 * and the two files as pull must leave them, byte for byte.
 */
import {block, query} from '../helpers/altcraft.js'
import {and, field} from '../helpers/kibamail.js'
import {condition, filter} from '../helpers/mailglyph.js'
import {constraint, group} from '../helpers/push0.js'
import type {ProviderId} from '../../src/core/provider.js'

/* eslint-disable @typescript-eslint/no-explicit-any -- each emulator's own state, edited as the vendor's UI would */
type State = {segments: any[]}

export interface PullCase {
  provider: ProviderId
  seed: Record<string, unknown>
  /** Two definitions matching the seed: `json` and `ts` (paths under segments/). */
  files: Record<string, string>
  /** The edit made in the vendor's UI. */
  edit(state: State): void
  /** What pull prints for it (each line must appear). */
  says: string[]
  /** The files afterwards. */
  after: Record<string, string>
}

const sequenzyFilter = (field: string, operator: string, value?: string) => ({kind: 'filter', field, operator, ...(value !== undefined ? {value} : {})})
const now = () => new Date().toISOString()

export const pullCases: PullCase[] = [
  {
    provider: 'mailglyph',
    seed: {
      segments: [
        {id: 'seg_base', name: 'Base', condition: condition('AND', [filter('data.plan', 'equals', 'pro')]), createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z'},
        {id: 'seg_upsell', name: 'Upsell', description: 'Pro, engaged', trackMembership: true, condition: condition('AND', [filter('seg_base', 'memberOfSegment'), filter('event.login', 'triggered')])},
        {id: 'seg_static', name: 'Webinar', type: 'STATIC', condition: null},
      ],
    },
    files: {
      'base.json': `{
  "$schema": "../schemas/mailglyph/segment.schema.json",
  "name": "Base",
  "condition": {"logic": "AND", "groups": [
    {"filters": [{"field": "data.plan", "operator": "equals", "value": "pro"}]}
  ]}
}
`,
      'upsell.ts': `import {defineSegment, segment} from 'segsync/mailglyph'

// Engaged paying users: the upsell campaign's audience.
export default defineSegment({
  name: 'Upsell',
  description: 'Pro, engaged',
  trackMembership: true,
  condition: {
    logic: 'AND',
    groups: [
      {
        filters: [
          {field: segment('Base'), operator: 'memberOfSegment'},
          {field: 'event.login', operator: 'triggered'},
        ],
      },
    ],
  },
})
`,
    },
    edit(state) {
      const [base, upsell] = state.segments
      Object.assign(base, {description: 'Paying customers', trackMembership: true, updatedAt: now()})
      base.condition.groups[0].filters.push(filter('createdAt', 'within', 90, 'days'))
      Object.assign(upsell, {description: 'Pro, engaged lately', trackMembership: false, updatedAt: now()})
      upsell.condition.groups[0].filters[1] = filter('event.login', 'triggeredWithin', 7, 'days')
    },
    says: [
      '~ updated segments/base.json  "Base" (seg_base)',
      '+ sets the description to "Paying customers"',
      '+ adds filter `createdAt within 90 days` in group #1',
      '~ updated segments/upsell.ts  "Upsell" (seg_upsell)',
      '· left alone: "Webinar" (seg_static): read-only in MailGlyph: a STATIC segment',
    ],
    after: {
      'base.json': `{
  "$schema": "../schemas/mailglyph/segment.schema.json",
  "name": "Base",
  "description": "Paying customers",
  "condition": {"logic": "AND", "groups": [
    {"filters": [{"field": "data.plan", "operator": "equals", "value": "pro"}, {"field": "createdAt", "operator": "within", "value": 90, "unit": "days"}]}
  ]},
  "trackMembership": true
}
`,
      'upsell.ts': `import {defineSegment, segment} from 'segsync/mailglyph'

// Engaged paying users: the upsell campaign's audience.
export default defineSegment({
  name: 'Upsell',
  description: 'Pro, engaged lately',
  condition: {
    logic: 'AND',
    groups: [
      {
        filters: [
          {field: segment('Base'), operator: 'memberOfSegment'},
          {field: 'event.login', operator: 'triggeredWithin', value: 7, unit: 'days'},
        ],
      },
    ],
  },
})
`,
    },
  },
  {
    provider: 'kibamail',
    seed: {
      topics: [{id: 'topic_news', name: 'Newsletter'}],
      properties: [{name: 'lifetime_value', type: 'NUMBER'}, {name: 'plan', type: 'STRING'}],
      segments: [
        {id: 'segment_readers', name: 'Readers', description: 'Newsletter readers', conditions: and({subscribedToTopic: ['topic_news']}, field('country', 'eq', 'US'))},
        {id: 'segment_high', name: 'High value', conditions: field('lifetime_value', 'gte', 1000)},
      ],
    },
    files: {
      'readers.json': `${JSON.stringify({$schema: '../schemas/kibamail/segment.schema.json', name: 'Readers', description: 'Newsletter readers', conditions: and({subscribedToTopic: ['topic_news']}, field('country', 'eq', 'US'))}, null, 2)}\n`,
      'high-value.ts': `import {defineSegment} from 'segsync/kibamail'

export default defineSegment({
  name: 'High value', // spent at least this much
  conditions: {field: 'lifetime_value', operator: 'gte', value: 1000},
})
`,
    },
    edit(state) {
      const [readers, high] = state.segments
      readers.description = 'US newsletter readers'
      readers.conditions.$and.push(field('plan', 'ne', 'free'))
      high.description = 'Top customers'
      high.conditions.value = 2000
    },
    says: ['~ updated segments/readers.json  "Readers" (segment_readers)', '~ changes the description from "Newsletter readers" to "US newsletter readers"', '~ updated segments/high-value.ts  "High value" (segment_high)'],
    after: {
      'readers.json': `${JSON.stringify({$schema: '../schemas/kibamail/segment.schema.json', name: 'Readers', description: 'US newsletter readers', conditions: and({subscribedToTopic: ['topic_news']}, field('country', 'eq', 'US'), field('plan', 'ne', 'free'))}, null, 2)}\n`,
      'high-value.ts': `import {defineSegment} from 'segsync/kibamail'

export default defineSegment({
  name: 'High value', // spent at least this much
  description: 'Top customers',
  conditions: {field: 'lifetime_value', operator: 'gte', value: 2000},
})
`,
    },
  },
  {
    provider: 'sequenzy',
    seed: {
      segments: [
        {id: 'seg_base', name: 'Base', root: {kind: 'group', joinOperator: 'and', children: [sequenzyFilter('status', 'is', 'active')]}},
        {id: 'seg_vip', name: 'VIP', root: {kind: 'group', joinOperator: 'and', children: [sequenzyFilter('segment', 'is', 'seg_base'), sequenzyFilter('tag', 'contains', 'vip')]}},
      ],
    },
    files: {
      'base.json': `{
  "$schema": "../schemas/sequenzy/segment.schema.json",
  "name": "Base",
  "root": {
    "kind": "group",
    "joinOperator": "and",
    "children": [
      {"kind": "filter", "field": "status", "operator": "is", "value": "active"}
    ]
  }
}
`,
      'vip.ts': `import {defineSegment, segment} from 'segsync/sequenzy'

export default defineSegment({
  name: 'VIP',
  root: {
    kind: 'group',
    joinOperator: 'and',
    children: [
      {kind: 'filter', field: 'segment', operator: 'is', value: segment('Base')},
      {kind: 'filter', field: 'tag', operator: 'contains', value: 'vip'},
    ],
  },
})
`,
    },
    edit(state) {
      const [base, vip] = state.segments
      base.root.children.push({...sequenzyFilter('event', 'is_not', 'saas.purchase:30d'), id: 'f_new'})
      vip.root.children[1].value = 'gold'
    },
    says: ['~ updated segments/base.json  "Base" (seg_base)', '+ adds filter `event is_not saas.purchase:30d`', '~ updated segments/vip.ts  "VIP" (seg_vip)'],
    after: {
      'base.json': `{
  "$schema": "../schemas/sequenzy/segment.schema.json",
  "name": "Base",
  "root": {
    "kind": "group",
    "joinOperator": "and",
    "children": [
      {"kind": "filter", "field": "status", "operator": "is", "value": "active"},
      {"kind": "filter", "field": "event", "operator": "is_not", "value": "saas.purchase:30d"}
    ]
  }
}
`,
      'vip.ts': `import {defineSegment, segment} from 'segsync/sequenzy'

export default defineSegment({
  name: 'VIP',
  root: {
    kind: 'group',
    joinOperator: 'and',
    children: [
      {kind: 'filter', field: 'segment', operator: 'is', value: segment('Base')},
      {kind: 'filter', field: 'tag', operator: 'contains', value: 'gold'},
    ],
  },
})
`,
    },
  },
  {
    provider: 'push0',
    seed: {
      segments: [
        {id: 'sg_poland', name: 'Poland', description: 'Polish devices', constraints: [group('AND', constraint('country', '==', 'PL'))]},
        {id: 'sg_lapsed', name: 'Lapsed', constraints: [group('OR', constraint('lastSession', '<', 1767225600000), constraint('sessionCount', '<=', 1))]},
      ],
    },
    files: {
      'poland.json': `{
\t"name": "Poland",
\t"description": "Polish devices",
\t"constraints": [
\t\t{"type": "AND", "constraints": [{"field": "country", "relation": "==", "value": "PL"}]}
\t]
}
`,
      'lapsed.ts': `import {defineSegment} from 'segsync/push0'

export default defineSegment({
  name: 'Lapsed',
  constraints: [
    {
      type: 'OR',
      constraints: [
        {field: 'lastSession', relation: '<', value: 1767225600000},
        {field: 'sessionCount', relation: '<=', value: 1},
      ],
    },
  ],
})
`,
    },
    edit(state) {
      const [poland, lapsed] = state.segments
      Object.assign(poland, {description: 'Polish devices on app 120+', updatedAt: Date.now()})
      poland.constraints.push(group('AND', constraint('appVersionCode', '>=', 120)))
      Object.assign(lapsed, {description: 'Win-back', updatedAt: Date.now()})
      lapsed.constraints[0].constraints[1].value = 2
    },
    says: ['~ updated segments/poland.json  "Poland" (sg_poland)', '+ adds constraint group `AND(appVersionCode >= 120)`', '~ updated segments/lapsed.ts  "Lapsed" (sg_lapsed)'],
    after: {
      'poland.json': `{
\t"name": "Poland",
\t"description": "Polish devices on app 120+",
\t"constraints": [
\t\t{"type": "AND", "constraints": [{"field": "country", "relation": "==", "value": "PL"}]},
\t\t{"type": "AND", "constraints": [{"field": "appVersionCode", "relation": ">=", "value": 120}]}
\t]
}
`,
      'lapsed.ts': `import {defineSegment} from 'segsync/push0'

export default defineSegment({
  name: 'Lapsed',
  description: 'Win-back',
  constraints: [
    {
      type: 'OR',
      constraints: [
        {field: 'lastSession', relation: '<', value: 1767225600000},
        {field: 'sessionCount', relation: '<=', value: 2},
      ],
    },
  ],
})
`,
    },
  },
  {
    provider: 'altcraft',
    seed: {
      databases: [5],
      segments: [
        {id: 10, name: 'Base', list_id: 5, segment: [block(5, 'and', query('email', 'equal', 'a@b.c'))]},
        {id: 11, name: 'EU', list_id: 5, is_static: true, is_refresh_daily: false, segment: [block(5, 'and', query('_region', 'equal', 'EU'))]},
      ],
    },
    files: {
      'base.json': `${JSON.stringify({name: 'Base', list_id: 5, segment: [{condition: 'and', queries: [query('email', 'equal', 'a@b.c')]}]}, null, 2)}\n`,
      'eu.ts': `import {defineSegment} from 'segsync/altcraft'

export default defineSegment({
  name: 'EU',
  list_id: 5,
  is_static: true, // updatable: members stored and recomputed
  segment: [
    {condition: 'and', queries: [{compo: 'default', name: '_region', operator: 'equal', type: 'string', value: [{name: 'value', value: 'EU'}]}]},
  ],
})
`,
    },
    edit(state) {
      const [base, eu] = state.segments
      base.segment[0].queries.push({...query('_lang', 'equal', 'en'), child: [], condition: ''})
      eu.is_refresh_daily = true
      eu.segment[0].queries[0].value[0].value = 'EU-West'
    },
    says: ['~ updated segments/base.json  "Base" (10)', '~ updated segments/eu.ts  "EU" (11)'],
    after: {
      'base.json': `${JSON.stringify({name: 'Base', list_id: 5, segment: [{condition: 'and', queries: [query('email', 'equal', 'a@b.c'), query('_lang', 'equal', 'en')]}]}, null, 2)}\n`,
      'eu.ts': `import {defineSegment} from 'segsync/altcraft'

export default defineSegment({
  name: 'EU',
  list_id: 5,
  is_static: true, // updatable: members stored and recomputed
  is_refresh_daily: true,
  segment: [
    {condition: 'and', queries: [{compo: 'default', name: '_region', operator: 'equal', type: 'string', value: [{name: 'value', value: 'EU-West'}]}]},
  ],
})
`,
    },
  },
]
