/**
 * Push0's device fields and the relations each type takes, as the segment docs table them
 * (seed 003 "field possible values" and "All possible relation values"). The evaluator reads them;
 * the emulator keeps its own copy on purpose (src/emulators/push0/rules.ts checks the adapter and
 * must not share its assumptions).
 */
export type FieldType = 'String' | 'Int' | 'Long' | 'String Array'

export const FIELD_TYPES: Readonly<Record<string, FieldType>> = {
  country: 'String',
  language: 'String',
  timezone: 'String',
  appVersion: 'String',
  appVersionCode: 'Int',
  osApi: 'String',
  osVersion: 'String',
  customUserId: 'String',
  email: 'String',
  type: 'String',
  firstSession: 'Long',
  lastSession: 'Long',
  sessionCount: 'Int',
  createdAt: 'Long',
  id: 'String',
  pushToken: 'String',
  unRegisteredAt: 'Long',
  deviceModel: 'String',
  deviceManufacturer: 'String',
  // "String Array: Applied device tags"; its relations are not in the table (vendors.md §4.4 ASSUMPTION).
  tags: 'String Array',
}

export const RELATIONS_BY_TYPE: Readonly<Record<FieldType, readonly string[]>> = {
  String: ['exists', '==', '!=', 'starts_with', 'ends_with', 'contains'],
  Int: ['==', '!=', '>', '>=', '<', '<='],
  Long: ['==', '!=', '>', '>=', '<', '<='],
  'String Array': ['==', 'contains', 'exists'],
}
