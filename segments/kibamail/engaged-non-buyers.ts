import {defineSegment} from 'segsync/kibamail'

// $and / $or / $not nest to any depth; the order of their conditions carries no meaning.
export default defineSegment({
  name: 'Engaged non-buyers',
  description: 'Read product news but never bought',
  conditions: {
    $and: [
      {subscribedToTopic: ['topic_product_updates', 'topic_newsletter']},
      {$not: {field: 'last_purchase_date', operator: 'exists', value: true}},
      {$or: [{field: 'country', operator: 'in', value: ['US', 'CA']}, {field: 'plan', operator: 'ne', value: 'free'}]},
    ],
  },
})
