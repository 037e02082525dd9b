/** The smallest change between two values (src/rewrite/patch.ts): what is kept, paired, added, dropped. */
import {describe, expect, it} from 'vitest'
import {diffValue, KEEP, objectPatch} from '../../src/rewrite/patch.js'

describe('patch', () => {
  it('keeps equal values whatever their key order', () => {
    expect(diffValue({a: 1, b: [1, {c: 2}]}, {b: [1, {c: 2}], a: 1})).toEqual(KEEP)
  })

  it('pairs a changed item with the one it replaces, so it is edited in place', () => {
    expect(diffValue([{v: 'EU'}], [{v: 'EU-West'}])).toEqual({op: 'array', items: [{index: 0, patch: {op: 'object', props: [{key: 'v', old: true, patch: {op: 'set', value: 'EU-West'}}]}}]})
    expect(diffValue(['a', 'b', 'c'], ['a', 'x', 'c'])).toEqual({op: 'array', items: [{index: 0, patch: KEEP}, {index: 1, patch: {op: 'set', value: 'x'}}, {index: 2, patch: KEEP}]})
  })

  it('adds and drops items around the ones both sides share', () => {
    expect(diffValue(['a', 'b', 'c'], ['a', 'c', 'd'])).toEqual({op: 'array', items: [{index: 0, patch: KEEP}, {index: 2, patch: KEEP}, {value: 'd'}]})
    expect(diffValue(['a'], ['z', 'a'])).toEqual({op: 'array', items: [{value: 'z'}, {index: 0, patch: KEEP}]})
  })

  it('places an added key after the nearest key that precedes it in the new order', () => {
    const changes = new Map([['description', {before: undefined, after: 'd'}], ['name', {before: 'A', after: 'B'}]])
    expect(objectPatch(['$schema', 'name', 'root'], changes, ['$schema', 'name', 'description', 'root'])).toEqual({
      op: 'object',
      props: [
        {key: '$schema', old: true, patch: KEEP},
        {key: 'name', old: true, patch: {op: 'set', value: 'B'}},
        {key: 'description', old: false, value: 'd'},
        {key: 'root', old: true, patch: KEEP},
      ],
    })
  })
})
