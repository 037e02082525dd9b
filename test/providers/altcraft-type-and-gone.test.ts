/**
 * What the Altcraft adapter does not take on trust: a segment's type when segments/get does not
 * say it (its documented example does not), and a "not found" from an assumed or racing method,
 * which the list must confirm. Against the emulator with getIncludesTypeFlags on and off.
 */
import {describe, expect, it} from 'vitest'
import {SegsyncError} from '../../src/errors.js'
import {diffWorkspace} from '../../src/core/diff/diff-workspace.js'
import type {Definition} from '../../src/core/model.js'
import {altcraft} from '../../src/providers/altcraft/index.js'
import {UNKNOWN_TYPE_NOTE} from '../../src/providers/altcraft/segment-type.js'
import {altcraftClient, altcraftEmulator, altcraftWrites, block, query} from '../helpers/altcraft.js'

const rules = {list_id: 5, segment: [{condition: 'and' as const, queries: [query('_region', 'equal', 'EU')]}]}
const segments = [
  {id: 1, name: 'Dynamic', list_id: 5, is_static: false, segment: [block(5, 'and', query('_region', 'equal', 'EU'))]},
  {id: 2, name: 'Updatable', list_id: 5, is_static: true, is_refresh_daily: true, segment: [block(5, 'and', query('_region', 'equal', 'EU'))]},
  {id: 3, name: 'Static', list_id: 5, is_static: true},
]
const definition = (name: string, body: Record<string, unknown>): Definition => ({name, body, renamedFrom: [], dependsOn: [], protected: false, ensure: 'present', source: {file: `${name}.json`, kind: 'json', locate: () => undefined}})
const definitions = [definition('Dynamic', rules), definition('Updatable', {...rules, is_static: true, is_refresh_daily: true})]

describe('Altcraft segment type', () => {
  it('reads the type from segments/get when it carries is_static: both kinds are managed and converge', async () => {
    const client = await altcraftClient(await altcraftEmulator({segments}))
    const remotes = await client.listSegments()
    expect(remotes.map((r) => [r.name, r.readOnly?.slice(0, 16)])).toEqual([['Dynamic', undefined], ['Updatable', undefined], ['Static', 'a static segment']])
    expect(diffWorkspace({definitions, remotes, provider: altcraft, prune: false}).unchanged).toEqual(['Dynamic', 'Updatable'])
  })

  it('without is_static (the documented example), a segment with rules is of unknown type: read-only, and its diff never settles on a guess', async () => {
    const e = await altcraftEmulator({segments, getIncludesTypeFlags: false})
    const client = await altcraftClient(e)
    for (let run = 0; run < 2; run++) {
      const remotes = await client.listSegments()
      expect(remotes.map((r) => r.readOnly === UNKNOWN_TYPE_NOTE)).toEqual([true, true, false])
      expect(remotes[2]!.readOnly).toMatch(/^a static segment/)
      const diff = diffWorkspace({definitions, remotes, provider: altcraft, prune: false})
      // Neither definition passes for the segment: its type cannot be compared.
      expect(diff.unchanged).toEqual([])
      expect(diff.changes.map((c) => [c.name, c.action, c.fields.map((f) => f.text)])).toEqual([
        ['Dynamic', 'update', ["its type is unknown: Altcraft's segments/get has no is_static (the definition says dynamic)"]],
        ['Updatable', 'update', ['refreshes the members daily (is_refresh_daily: true)', "its type is unknown: Altcraft's segments/get has no is_static (the definition says updatable)"]],
      ])
    }
    expect(UNKNOWN_TYPE_NOTE).toContain('never changes or deletes it')
    expect(altcraftWrites(e)).toEqual([])
  })

  it('knows the type of a segment it has just written, whatever segments/get says later', async () => {
    const client = await altcraftClient(await altcraftEmulator({getIncludesTypeFlags: false}))
    const created = await client.create('New', {...rules, is_static: true})
    expect(created.readOnly).toBeUndefined()
    expect(altcraft.toDefinition(created)).toMatchObject({is_static: true})
    expect((await client.listSegments())[0]!.readOnly).toBe(UNKNOWN_TYPE_NOTE)
  })
})

describe('Altcraft "not found" is confirmed by listing', () => {
  it('a delete answered "not found" is done when the list no longer has the segment', async () => {
    const e = await altcraftEmulator({segments})
    const client = await altcraftClient(e)
    const [dynamic] = await client.listSegments()
    // The delete lands, and the answer says "not found" (a retry after a lost answer reads so).
    e.faults.add({path: '/api/v1.1/segments/delete/', times: 1, fault: {type: 'answer', status: 200, body: JSON.stringify({error: 404, error_text: 'Segment 1 not found'}), commit: true}})
    await client.delete(dynamic!)
    expect(e.requests.at(-1)!.path).toBe('/api/v1.1/segments/list/')
    expect(e.state.segments.map((s) => s.id)).toEqual([2, 3])
  })

  it('a delete answered "not found" while the list still has the segment fails, saying the method may not exist', async () => {
    const e = await altcraftEmulator({segments})
    const client = await altcraftClient(e)
    const [dynamic] = await client.listSegments()
    // An account without segments/delete: no route, an HTML 404.
    e.faults.add({path: '/api/v1.1/segments/delete/', fault: {type: 'answer', status: 404, body: '<html><body>404 Not Found</body></html>', contentType: 'text/html'}})
    const error = (await client.delete(dynamic!).catch((err: unknown) => err)) as SegsyncError
    expect(error).toBeInstanceOf(SegsyncError)
    expect(error.constructor.name).toBe('SegsyncError')
    expect(error.message).toMatch(/^Altcraft still lists "Dynamic" \(1\) after its segments\/delete answered "not found" \(Altcraft rejected POST \/api\/v1\.1\/segments\/delete\/ \(404\): .*\): nothing was deleted\./)
    expect(error.hint).toContain('Delete the segment in the Altcraft UI')
    expect(e.state.segments.map((s) => s.id)).toEqual([1, 2, 3])
  })

  it('a segment deleted between the list and its read is left out; one still listed stops the read', async () => {
    const e = await altcraftEmulator({segments})
    const client = await altcraftClient(e)
    e.faults.add({path: '/api/v1.1/segments/get/', times: 1, fault: {type: 'mutate', apply: (s) => ((s as {segments: Array<{id: number}>}).segments = (s as {segments: Array<{id: number}>}).segments.filter((x) => x.id !== 1))}})
    expect((await client.listSegments()).map((r) => r.id)).toEqual(['2', '3'])

    e.faults.add({path: '/api/v1.1/segments/get/', times: 1, fault: {type: 'answer', status: 200, body: JSON.stringify({error: 404, error_text: 'Segment not found'})}})
    const error = (await client.listSegments().catch((err: unknown) => err)) as SegsyncError
    expect(error.message).toMatch(/^Altcraft lists segment \d \("\w+"\), yet reading it answered "not found" \(Altcraft rejected POST \/api\/v1\.1\/segments\/get\/ \(404\): Segment not found\): segsync stopped before writing anything$/)
  })

  it('a mailing still listed whose campaigns/get answers "not found" stops the plan: it never counts as no mailing', async () => {
    const e = await altcraftEmulator({campaigns: [{id: 21, name: 'Weekly digest', type: 'regular', is_active: true, data_type: 'segment', data_id: 1}]})
    e.faults.add({path: '/api/v1.1/campaigns/get/', fault: {type: 'answer', status: 200, body: JSON.stringify({error: 404, error_text: 'Mailing 21 not found'})}})
    const client = await altcraftClient(e)
    await expect(client.campaignUsage()).rejects.toThrow('Altcraft lists mailing 21 ("Weekly digest"), yet reading it answered "not found" (Altcraft rejected POST /api/v1.1/campaigns/get/ (404): Mailing 21 not found)')
  })

  it('mailings answering anything but a refusal stop the plan; a refusal (error 403) makes usage unknown', async () => {
    const e = await altcraftEmulator({campaigns: [{id: 21, name: 'Weekly digest', type: 'regular', is_active: true, data_type: 'segment', data_id: 1}]})
    const client = await altcraftClient(e)
    e.faults.add({path: '/api/v1.1/campaigns/list/', times: 1, fault: {type: 'answer', status: 200, body: JSON.stringify({error: 400, error_text: 'Unknown parameter is_active'})}})
    await expect(client.campaignUsage()).rejects.toThrow('Altcraft rejected POST /api/v1.1/campaigns/list/ (400): Unknown parameter is_active')
    e.faults.add({path: '/api/v1.1/campaigns/list/', times: 1, fault: {type: 'answer', status: 200, body: JSON.stringify({error: 403, error_text: 'No access rights'})}})
    expect(await client.campaignUsage()).toMatchObject({known: false, reason: expect.stringContaining('No access rights') as string})
  })
})
