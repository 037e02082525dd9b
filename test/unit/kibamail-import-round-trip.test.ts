/**
 * The precondition of `segsync import`: for every managed remote segment, `toDefinition` (plus the
 * name) is a valid definition, and planning those definitions against the same state changes
 * nothing. The state is messy on purpose: deep nesting, every condition kind, server-added fields,
 * null and set descriptions, and a segment made in the Kibamail app with raw MongoDB syntax.
 */
import {describe, expect, it} from 'vitest'
import {diffWorkspace} from '../../src/core/diff/diff-workspace.js'
import type {Definition} from '../../src/core/model.js'
import {schemaValidator} from '../../src/core/validate/schema.js'
import {createKibamailApp} from '../../src/emulators/kibamail/app.js'
import {kibamail} from '../../src/providers/kibamail/index.js'
import type {SegmentListItem} from '../../src/generated/kibamail-responses.js'
import {toRemote} from '../../src/providers/kibamail/mapping.js'
import {schemaPath} from '../../src/util/package-root.js'
import {and, field, not, or} from '../helpers/kibamail.js'

const messy = {
  segments: [
    {id: 'segment_flat', name: 'Flat', conditions: field('country', 'eq', 'US')},
    {id: 'segment_desc', name: 'Described', description: 'Buyers worth keeping', conditions: and(field('lifetime_value', 'gte', 100.5), field('plan', 'in', ['team', 'pro', 42]))},
    {
      id: 'segment_deep',
      name: 'Deep',
      description: null,
      conditions: and(
        or(field('email', 'endsWith', '@acme.com'), not(and(field('company', 'exists', null), {notSubscribedToTopic: ['topic_b', 'topic_a']}))),
        {subscribedToTopic: ['topic_news'], notSubscribedToTopic: ['topic_spam']},
        not(or(field('vip', 'eq', true), field('country', 'nin', ['DE', 'FR']))),
        and(field('firstName', 'startsWith', 'A'), field('score', 'lt', 0)),
      ),
    },
    {id: 'segment_mixed', name: 'Several operators in one object', conditions: {$and: [field('plan', 'ne', 'free')], $or: [field('city', 'contains', 'burg')], $not: field('status', 'eq', 'BOUNCED')}},
    {id: 'segment_twice', name: 'Same condition twice', conditions: or(field('plan', 'eq', 'pro'), field('plan', 'eq', 'pro'))},
    {id: 'segment_app', name: 'Made in the app', description: 'raw MongoDB', conditions: {$and: [{country: {$eq: 'US'}}, {email: {$regex: 'acme'}}]}},
  ],
}

function remoteSegments() {
  const app = createKibamailApp(messy)
  const res = app.handle({method: 'GET', path: '/v1/segments', query: new URLSearchParams('limit=100'), headers: {authorization: 'Bearer kb_test'}, text: '', json: undefined, jsonError: false})
  expect(res.status).toBe(200)
  return (res.body as {data: SegmentListItem[]}).data.map(toRemote)
}

describe('import round trip (Kibamail)', () => {
  it('writes every managed segment as a valid definition that plans to zero changes', () => {
    const remotes = remoteSegments()
    const managed = remotes.filter((r) => !r.readOnly)
    expect(managed.map((r) => r.name).sort()).toEqual(['Deep', 'Described', 'Flat', 'Same condition twice', 'Several operators in one object'])

    const names = new Map(remotes.map((r) => [r.id, r.name]))
    const validator = schemaValidator(schemaPath(kibamail.schema))
    const definitions: Definition[] = managed.map((remote) => {
      const body = kibamail.toDefinition(remote, (id) => names.get(id))
      expect(Object.keys(body)).not.toContain('object')
      expect(Object.keys(body)).not.toContain('id')
      expect(body.description === null).toBe(false)
      expect(validator.validate({name: remote.name, ...body})).toEqual([])
      return {name: remote.name, renamedFrom: [], dependsOn: [], protected: false, ensure: 'present', body, source: {file: `segments/${remote.id}.json`, kind: 'json', locate: () => undefined}}
    })

    const diff = diffWorkspace({definitions, remotes, provider: kibamail, prune: false})
    expect(diff.changes).toEqual([])
    expect(diff.unchanged.sort()).toEqual(managed.map((r) => r.name).sort())
    expect(diff.readOnly).toEqual([{id: 'segment_app', name: 'Made in the app', note: expect.stringContaining('edit it in Kibamail')}])
  })
})
