/** Altcraft normalisation, change words and checks: pure, against plan-shaped data. */
import {describe, expect, it} from 'vitest'
import {diffFields, expandFields} from '../../src/core/diff/field-diff.js'
import {altcraft} from '../../src/providers/altcraft/index.js'
import {query} from '../helpers/altcraft.js'

const norm = (body: Record<string, unknown>) => altcraft.normalize(body)
const words = (before: Record<string, unknown>, after: Record<string, unknown>) => diffFields(norm(before), norm(after), altcraft.describe).map((f) => f.text)

const base = {list_id: 5, segment: [{condition: 'and', queries: [query('email', 'equal', 'a@b.c'), query('_sex', 'equal', 'f')]}]}

describe('Altcraft normalize', () => {
  it('ignores query order, server defaults, explicit block defaults and a block list_id that repeats the segment one', () => {
    const server = {
      list_id: 5,
      is_static: false,
      is_refresh_daily: false,
      segment: [{condition: 'and', limit: 0, list_id: 5, percent_from: 0, percent_to: 100, queries: [{...query('_sex', 'equal', 'f'), child: [], condition: '', object_path: '', object_type: ''}, {...query('email', 'equal', 'a@b.c'), child: [], condition: ''}]}],
    }
    expect(norm(server)).toEqual(norm(base))
  })

  it('keeps what changes the audience: sampling, limit, query fields, nested queries, another block database', () => {
    const variants = [
      {...base, segment: [{...base.segment[0], percent_to: 50}]},
      {...base, segment: [{...base.segment[0], limit: 10}]},
      {...base, segment: [{...base.segment[0], list_id: 6}]},
      {...base, segment: [{...base.segment[0], queries: [{...query('email', 'equal', 'a@b.c'), compo: 'domaingroup'}, query('_sex', 'equal', 'f')]}]},
      {...base, segment: [{...base.segment[0], queries: [{...query('email', 'equal', 'a@b.c'), child: [query('x', 'y', 'z')], condition: 'or'}, query('_sex', 'equal', 'f')]}]},
      {...base, is_static: true},
    ]
    for (const v of variants) expect(norm(v)).not.toEqual(norm(base))
  })
})

describe('Altcraft change words', () => {
  it('names added, removed and nested queries by content', () => {
    expect(words(base, {...base, segment: [{condition: 'and', queries: [query('email', 'equal', 'a@b.c'), query('_region', 'equal', 'EU')]}]})).toEqual([
      'adds query `_region equal EU`',
      'removes query `_sex equal f`',
    ])
    const nested = {...base, segment: [{condition: 'and', queries: [{...query('email', 'equal', 'a@b.c'), child: [query('_age', 'gte', '18')], condition: 'and'}, query('_sex', 'equal', 'f')]}]}
    expect(words(base, nested)).toEqual(['adds 1 nested query to query `email equal a@b.c`', 'query `email equal a@b.c`: condition set to "and"'])
    const deeper = {...base, segment: [{condition: 'and', queries: [{...query('email', 'equal', 'a@b.c'), child: [query('_age', 'gte', '21')], condition: 'and'}, query('_sex', 'equal', 'f')]}]}
    expect(words(nested, deeper)).toEqual(['adds query `_age gte 21` nested in `email equal a@b.c`', 'removes query `_age gte 18` nested in `email equal a@b.c`'].reverse())
  })

  it('words block settings, type flags and the database', () => {
    const b = base.segment[0]!
    expect(words(base, {...base, segment: [{...b, condition: 'or', limit: 500, percent_from: 10}]})).toEqual([
      'joins the queries with or (was and)',
      'limits the segment to 500 profiles',
      'samples the database from 10%',
    ])
    expect(words({...base, segment: [{...b, limit: 500, percent_to: 40}]}, base)).toEqual(['removes the limit of 500 profiles', 'the sample ends at 100% (was 40%)'])
    expect(words(base, {...base, is_static: true, is_refresh_daily: true})).toEqual(['refreshes the members daily (is_refresh_daily: true)', 'makes it an updatable segment (is_static: true)'])
    expect(words(base, {...base, list_id: 6})).toEqual(['moves the segment from profile database 5 to 6 (list_id)'])
    expect(words(base, {...base, segment: [b, {condition: 'or', queries: [query('city', 'equal', 'Berlin')]}]})).toEqual(['adds block #2: 1 query joined with or'])
  })

  it('lists a new segment as the queries it selects', () => {
    const text = expandFields({name: 'New', ...norm({...base, is_static: true})}, altcraft.describe).map((f) => f.text)
    expect(text).toEqual([
      'named "New"',
      'selects from profile database 5 (list_id)',
      'makes it an updatable segment (is_static: true)',
      'joins the queries with and',
      'adds query `_sex equal f`',
      'adds query `email equal a@b.c`',
    ])
  })
})

describe('Altcraft checks', () => {
  it('flags what the schema cannot say', () => {
    expect(altcraft.check(base)).toEqual([])
    const issues = altcraft.check({list_id: 5, is_refresh_daily: true, segment: [{condition: 'and', list_id: 6, percent_from: 50, percent_to: 50, queries: [query('a', 'b', 'c')]}]})
    expect(issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['is_refresh_daily', 'is_refresh_daily applies only to updatable segments (is_static: true)'],
      ['segment.0.list_id', "block list_id 6 differs from the segment's list_id 5"],
      ['segment.0.percent_from', 'percent_from (50) must be less than percent_to (50)'],
    ])
  })
})
