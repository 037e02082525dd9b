import {defineSegment} from 'segsync/kibamail'

// Topic ids come from GET /v1/topics; segsync checks before apply that they exist.
export default defineSegment({
  name: 'Newsletter readers',
  conditions: {subscribedToTopic: ['topic_newsletter']},
})
