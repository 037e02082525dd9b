/**
 * A Kibamail segment as segsync sees it. The docs describe two condition syntaxes (vendors.md
 * §2.5): the documented `{field, operator, value}` schema, which segsync writes, and raw MongoDB
 * queries (`{"country": {"$eq": "US"}}`, `$regex`) that the prose mentions. A segment whose
 * conditions are not in the schema form cannot be written as a definition or diffed faithfully, so
 * it is listed read-only: shown in the plan, never changed.
 */
import type {RemoteSegment} from '../../core/model.js'
import {formatPath} from '../../core/diff/field-diff.js'
import {schemaValidator} from '../../core/validate/schema.js'
import {schemaPath} from '../../util/package-root.js'
import {toDefinitionBody, type ApiSegment} from './mapping.js'

export const SCHEMA = 'kibamail/segment.schema.json'

export function toRemote(api: ApiSegment): RemoteSegment {
  const issues = schemaValidator(schemaPath(SCHEMA))
    .validate({name: api.name, ...toDefinitionBody(api)})
    .filter((issue) => issue.path[0] === 'conditions')
  if (issues.length === 0) return {id: api.id, name: api.name, raw: api}
  const first = issues[0]!
  return {
    id: api.id,
    name: api.name,
    raw: api,
    readOnly: `its conditions are not in the documented {field, operator, value} form (see ${formatPath(first.path)}; raw MongoDB syntax?), which segsync never writes: edit it in Kibamail`,
  }
}
