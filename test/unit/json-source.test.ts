// JSON definitions are read with JSON.parse; positions (a jsonc-parser tree) are built only when
// asked for. These hold the fast path to the answers of the tree: the same value, every duplicate
// key, and the same positions.
import {describe, expect, it} from 'vitest'
import {findNodeAtLocation, parseTree} from 'jsonc-parser'
import {lineStarts, parseJsonWithPositions, positionAt, topLevel} from '../../src/util/json-source.js'

const text = '{\n  "name": "A: b",\n  "root": {"kind": "group", "children": [{"field": "x:y", "value": 1}]}\n}\n'

describe('parseJsonWithPositions', () => {
  it('reads valid JSON to the same value, and places paths on the first question', () => {
    const parsed = parseJsonWithPositions(text)
    expect(parsed.value).toEqual(JSON.parse(text))
    expect(parsed.errors).toEqual([])
    expect(parsed.duplicateKeys).toEqual([])
    expect(parsed.locate(['root', 'children', 0, 'field'])).toEqual({line: 3, column: 52})
    expect(parsed.locate(['root', 'kind'], 'key')).toEqual({line: 3, column: 12})
    expect(parsed.locate(['root', 'missing'])).toEqual({line: 3, column: 11})
  })

  const duplicates: Array<[string, string]> = [
    ['at the top', '{"name": "A", "name": "B"}'],
    ['in a nested object', '{"name": "A", "root": {"kind": "a", "kind": "b"}}'],
    ['inside an array', '{"list": [{"a": 1}, {"b": 2, "b": 3}]}'],
    ['whose values hold colons', '{"a": "x:y", "a": "z"}'],
    ['whose keys hold colons', '{"a:b": 1, "a:b": 2}'],
    ['written with a \\u escape', '{"a": 1, "\\u0061": 2}'],
    ['next to a string with an escaped colon', '{"a": "\\u003a", "a": 1}'],
  ]
  for (const [where, json] of duplicates) {
    it(`names a duplicate key ${where}`, () => {
      const parsed = parseJsonWithPositions(json)
      expect(parsed.duplicateKeys).toHaveLength(1)
      expect(parsed.value).toEqual(JSON.parse(json))
    })
  }

  it('takes escaped colons and colons in keys for what they are when nothing is duplicated', () => {
    for (const json of ['{"a:b": "c:d", "e": ["f:g"]}', '{"a": "\\u003a", "b": ":"}', '{}', '[]', '"a:b"']) {
      const parsed = parseJsonWithPositions(json)
      expect(parsed.duplicateKeys, json).toEqual([])
      expect(parsed.value, json).toEqual(JSON.parse(json))
    }
  })

  it('places a syntax error, and refuses what JSON refuses (comments, trailing commas, an empty file)', () => {
    expect(parseJsonWithPositions('{\n  "a": 1\n  "b": 2\n}').errors).toEqual([{line: 3, column: 3, message: 'malformed JSON: expected "," between entries'}])
    for (const json of ['{"a": 1, // c\n}', '{"a": 1,}', '', '  ']) {
      const parsed = parseJsonWithPositions(json)
      expect(parsed.errors.length, JSON.stringify(json)).toBeGreaterThan(0)
      expect(parsed.value).toBeUndefined()
    }
  })
})

describe('a top-level key is placed without the tree, where the tree places it', () => {
  const texts = [
    text,
    '{"root": {"name": "inner", "list": ["}", "{", "\\"name\\": x"]}, "name": "outer"}',
    '{\r\n\t"dependsOn" : [ "a" ],\r\n\t"na\\u006de"  :\r\n  "escaped key",\r\n\t"root": {}\r\n}',
    '{"a": {"b": {"c": [1, {"name": 2}]}}, "name"\n:\n  {"deep": true}, "z": null}',
    '  {"quote\\\\": "a\\\\", "name": "after an escaped backslash"}',
  ]
  it.each(texts)('%j', (json) => {
    const parsed = parseJsonWithPositions(json)
    const starts = lineStarts(json)
    const tree = parseTree(json)!
    for (const key of Object.keys(JSON.parse(json) as object)) {
      const property = findNodeAtLocation(tree, [key])!.parent!
      expect(topLevel(json, key, 'key')).toEqual(positionAt(starts, property.children![0]!.offset))
      expect(topLevel(json, key)).toEqual(positionAt(starts, property.children![1]!.offset))
      expect(parsed.locate([key])).toEqual(positionAt(starts, property.children![1]!.offset))
    }
    expect(topLevel(json, 'missing')).toBeUndefined()
    // A key the root does not hold is placed at the root, as the tree does.
    expect(parsed.locate(['missing'])).toEqual(positionAt(starts, tree.offset))
  })
})

describe('lineStarts', () => {
  it('gives where every line starts, after each \\n (a \\r stays on its line), as a walk over every character does', () => {
    const byCharacter = (text: string) => [0, ...[...text].flatMap((c, i) => (c === '\n' ? [i + 1] : []))]
    for (const text of ['', 'x', '\n', '\n\n', 'a\nb', 'a\r\nb\r\n', '{\n  "name": "x"\n}\n', 'no newline at the end', '\n{\n\n}']) {
      expect(lineStarts(text)).toEqual(byCharacter(text))
    }
    expect(positionAt(lineStarts('a\r\nbc\nd'), 4)).toEqual({line: 2, column: 2})
  })
})
