/**
 * Import precondition: for every managed remote segment, `toDefinition` (plus `name`) is a valid
 * definition, and planning those definitions against the same state changes nothing.
 */
import {describe, expect, it} from 'vitest'
import {diffWorkspace} from '../../src/core/diff/diff-workspace.js'
import type {Definition} from '../../src/core/model.js'
import {schemaValidator} from '../../src/core/validate/schema.js'
import {createMailGlyphApp} from '../../src/emulators/mailglyph/app.js'
import {readSegmentList} from '../../src/providers/mailglyph/answers.js'
import {toRemote} from '../../src/providers/mailglyph/client.js'
import {mailglyph} from '../../src/providers/mailglyph/index.js'
import {schemaPath} from '../../src/util/package-root.js'
import {MAILGLYPH_KEY, messySeed} from '../helpers/mailglyph.js'

function remotesOf(seed: unknown) {
  const app = createMailGlyphApp({apiKeys: [MAILGLYPH_KEY], ...(seed as object)})
  const res = app.handle({method: 'GET', path: '/segments', query: new URLSearchParams(), headers: {authorization: `Bearer ${MAILGLYPH_KEY}`}, text: '', json: undefined, jsonError: false})
  expect(res.status).toBe(200)
  // Through the contract, as the client reads it.
  return readSegmentList({body: res.body}).map(toRemote)
}

function asDefinition(file: Record<string, unknown>): Definition {
  const {name, ...body} = file
  return {name: name as string, renamedFrom: [], dependsOn: [], protected: false, ensure: 'present', body, source: {file: `segments/${String(name)}.json`, kind: 'json', locate: () => undefined}}
}

describe('MailGlyph import round trip', () => {
  const remotes = remotesOf(messySeed)
  const names = new Map(remotes.map((r) => [r.id, r.name]))
  const nameOf = (id: string) => names.get(id)
  const managed = remotes.filter((r) => !r.readOnly)
  const files = managed.map((r) => ({name: r.name, ...mailglyph.toDefinition(r, nameOf)}))

  it('covers the messy state: every DYNAMIC segment is managed, the STATIC one is read-only', () => {
    expect(managed.map((r) => r.name).sort()).toEqual(['Engaged readers', 'Paying customers', 'Upsell targets'])
    expect(remotes.filter((r) => r.readOnly).map((r) => r.name)).toEqual(['Webinar attendees'])
  })

  it('writes definitions the schema and the provider checks accept, with references by name and no server fields', () => {
    const validator = schemaValidator(schemaPath('mailglyph/segment.schema.json'))
    for (const file of files) {
      expect(validator.validate(file), file.name).toEqual([])
      const {name: _name, ...body} = file
      expect(mailglyph.check(body), file.name).toEqual([])
      expect(JSON.stringify(file)).not.toMatch(/"(id|type|memberCount|projectId|createdAt|updatedAt)":|seg_|null/)
    }
    const upsell = files.find((f) => f.name === 'Upsell targets')!
    expect(upsell).toEqual({
      name: 'Upsell targets',
      condition: {
        logic: 'AND',
        groups: [{filters: [{field: {$segment: 'Engaged readers'}, operator: 'memberOfSegment'}, {field: {$segment: 'Paying customers'}, operator: 'notMemberOfSegment'}, {field: 'event.trial_started', operator: 'triggered'}]}],
      },
    })
  })

  it('plans those definitions against the same state to zero changes', () => {
    const diff = diffWorkspace({definitions: files.map(asDefinition), remotes, provider: mailglyph, prune: false})
    expect(diff.changes).toEqual([])
    expect(diff.unchanged.sort()).toEqual(['Engaged readers', 'Paying customers', 'Upsell targets'])
    expect(diff.readOnly.map((r) => r.name)).toEqual(['Webinar attendees'])
    expect(diff.unmanaged).toEqual([])
  })
})
