import {describe, expect, it} from 'vitest'
import {tsLocator} from '../../src/util/ts-source.js'

const source = `import {defineSegment, segment} from 'segsync/sequenzy'

// export default {not: 'this one'}
const other = {name: 'x'}
export default defineSegment({
  name: 'Trial nurture', // a comment, with a comma
  "dependsOn": ['A, B', \`tpl \${other.name}\`],
  root: {
    kind: 'group',
    joinOperator: 'and',
    children: [
      {kind: 'filter', field: 'status', operator: 'is', value: 'trial'},
      {kind: 'filter', field: 'segment', operator: 'is', value: segment('Paying customers')},
      {kind: 'group', joinOperator: 'or', children: [] as never[]},
    ],
  } as const,
  protected: true,
})
`

describe('tsLocator', () => {
  const locate = tsLocator(source)

  it('finds values and keys inside the literal default export', () => {
    expect(locate(['name'])).toEqual({line: 6, column: 9})
    expect(locate(['name'], 'key')).toEqual({line: 6, column: 3})
    expect(locate(['dependsOn', 1])).toEqual({line: 7, column: 25})
    expect(locate(['root', 'children', 0, 'operator'])).toEqual({line: 12, column: 51})
    expect(locate(['root', 'children', 2, 'joinOperator'])).toEqual({line: 14, column: 37})
    expect(locate(['protected'])).toEqual({line: 17, column: 14})
  })

  it('points at a non-literal value where it starts, and at the deepest literal part for paths through it', () => {
    expect(locate(['root', 'children', 1, 'value'])).toEqual({line: 13, column: 65})
    expect(locate(['root', 'children', 1, 'value', '$segment'])).toEqual({line: 13, column: 65})
    // A property that is not there: its parent object.
    expect(locate(['root', 'children', 0, 'unit'])).toEqual({line: 12, column: 7})
    expect(locate([])).toEqual({line: 5, column: 30})
  })

  it('reads `export default {…}` without a helper, and gives up quietly on anything else', () => {
    expect(tsLocator(`export default {\n  provider: 'push0',\n}\n`)(['provider'])).toEqual({line: 2, column: 13})
    expect(tsLocator(`const d = {name: 'x'}\nexport default d\n`)(['name'])).toBeUndefined()
    expect(tsLocator(`export default defineSegment({name: 'x'`)(['name'])).toBeUndefined()
    expect(tsLocator('')(['name'])).toBeUndefined()
  })
})
