import {defineSegmentTest} from 'segsync/push0'

// One device each side of the boundaries: 50 sessions for "Power users"; a last session before
// 2026-01-01T00:00:00Z (1767225600000 ms) or a single session, with a push token, for "Lapsed users".
export default defineSegmentTest({
  profiles: [
    {id: 'pixel-regular', deviceManufacturer: 'Google', sessionCount: 50, lastSession: 1772323200000, pushToken: 'fcm-pixel'},
    {id: 'samsung-casual', deviceManufacturer: 'Samsung', sessionCount: 49, lastSession: 1767225599999, pushToken: 'fcm-samsung'},
    {id: 'xiaomi-heavy', deviceManufacturer: 'Xiaomi', sessionCount: 400, lastSession: 1772323200000, pushToken: 'fcm-xiaomi'},
    {id: 'one-session', deviceManufacturer: 'Samsung', sessionCount: 1, lastSession: 1772323200000, pushToken: 'fcm-once'},
    {id: 'seen-at-new-year', deviceManufacturer: 'Google', sessionCount: 2, lastSession: 1767225600000, pushToken: 'fcm-ny'},
    {id: 'no-token', deviceManufacturer: 'Samsung', sessionCount: 1, lastSession: 1760000000000},
  ],
  expect: [
    {segment: 'Power users', members: ['pixel-regular'], nonMembers: ['samsung-casual', 'xiaomi-heavy', 'one-session']},
    {segment: 'Lapsed users', members: ['samsung-casual', 'one-session'], nonMembers: ['pixel-regular', 'seen-at-new-year', 'no-token']},
  ],
})
