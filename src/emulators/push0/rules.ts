/**
 * Push0's constraint validation: the field table and the relation table of the segments docs
 * (seed 003, vendors.md §4.4). Kept apart from the schema on purpose: the emulator checks the
 * adapter, it must not share its assumptions.
 */
import {assumptions} from './assumptions.js'
import type {StoredGroup} from './state.js'

type FieldType = 'String' | 'Int' | 'Long' | 'String Array'

/** "field possible values" (seed 003). */
export const fieldTypes: Record<string, FieldType> = {
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
  tags: 'String Array',
}

/** "All possible relation values", by supported field type (seed 003). */
const relationsByType: Record<FieldType, readonly string[]> = {
  String: ['exists', '==', '!=', 'starts_with', 'ends_with', 'contains'],
  Int: ['==', '!=', '>', '>=', '<', '<='],
  Long: ['==', '!=', '>', '>=', '<', '<='],
  'String Array': assumptions.tagRelations,
}

const INT_MIN = -(2 ** 31)
const INT_MAX = 2 ** 31 - 1
const MAX_PER_GROUP = 10

/** The vendor's message for a bad `constraints` array, or the groups as they will be stored. */
export function parseConstraints(value: unknown): {error: string} | {groups: StoredGroup[]} {
  if (!Array.isArray(value)) return {error: 'constraints must be an array'}
  const groups: StoredGroup[] = []
  for (const [g, group] of value.entries()) {
    const where = `constraints[${g}]`
    if (!group || typeof group !== 'object' || Array.isArray(group)) return {error: `${where} must be an object with type and constraints`}
    const {type, constraints} = group as {type?: unknown; constraints?: unknown}
    if (type !== 'AND' && type !== 'OR') return {error: `${where}.type must be AND or OR`}
    if (!Array.isArray(constraints)) return {error: `${where}.constraints must be an array`}
    if (constraints.length < assumptions.minConstraintsPerGroup) return {error: `${where}.constraints must not be empty`}
    if (constraints.length > MAX_PER_GROUP) return {error: `${where}.constraints: max size is ${MAX_PER_GROUP} (got ${constraints.length})`}
    const stored: StoredGroup = {type, constraints: []}
    for (const [i, c] of constraints.entries()) {
      const checked = constraintError(c, `${where}.constraints[${i}]`)
      if (typeof checked === 'string') return {error: checked}
      stored.constraints.push(checked)
    }
    groups.push(stored)
  }
  return {groups}
}

function constraintError(c: unknown, where: string): string | StoredGroup['constraints'][number] {
  if (!c || typeof c !== 'object' || Array.isArray(c)) return `${where} must be an object with field, relation and value`
  const {field, relation, value} = c as {field?: unknown; relation?: unknown; value?: unknown}
  if (typeof field !== 'string' || typeof relation !== 'string' || value === undefined || value === null) {
    return `${where} must contain field, relation and value`
  }
  const type = fieldTypes[field]
  if (!type) return `${where}: unknown field "${field}"`
  const symbol = assumptions.relationAliases[relation] ?? relation
  if (!relationsByType[type].includes(symbol)) return `${where}: relation "${relation}" is not supported for ${type} field ${field}`
  if (type === 'Int' || type === 'Long') {
    if (typeof value !== 'number' || !Number.isInteger(value)) return `${where}: value of ${field} must be a number (${type})`
    if (type === 'Int' && (value < INT_MIN || value > INT_MAX)) return `${where}: value of ${field} is out of range for Int`
  } else if (typeof value !== 'string') {
    return `${where}: value of ${field} must be a string (${type})`
  }
  return {field, relation, value}
}
