/**
 * Seed 002 lists `contains` and `not_contains` for `email`; vendors.md and the MCP server also
 * have `is`/`is_not`. A definition may use only what the documents list (a plan must not pass what
 * the API may refuse), while a remote segment that already uses is/is_not is read and diffed.
 */
import {describe, expect, it} from 'vitest'
import {diffWorkspace} from '../../src/core/diff/diff-workspace.js'
import {schemaValidator} from '../../src/core/validate/schema.js'
import {sequenzy} from '../../src/providers/sequenzy/index.js'
import {schemaPath} from '../../src/util/package-root.js'
import {definition, group, leaf, remote} from '../helpers/builders.js'

describe('Sequenzy email operators', () => {
  const validate = (operator: string) => schemaValidator(schemaPath(sequenzy.schema)).validate({name: 'X', root: group('and', leaf('email', operator, 'a@b.co'))})

  it('takes contains and not_contains in a definition, and refuses is and is_not with what is allowed', () => {
    expect(validate('contains')).toEqual([])
    expect(validate('not_contains')).toEqual([])
    expect(validate('is')).toEqual([expect.objectContaining({path: ['root', 'children', 0, 'operator'], message: 'operator "is" is not allowed here; expected one of: contains, not_contains'})])
    expect(validate('is_not')).toEqual([expect.objectContaining({path: ['root', 'children', 0, 'operator']})])
  })

  it('reads a remote segment that uses email is and diffs it against a definition, in words', () => {
    const r = remote('seg_1', 'Exact', group('and', leaf('email', 'is', 'a@b.co')))
    const [change] = diffWorkspace({definitions: [definition('Exact', group('and', leaf('email', 'contains', '@b.co')))], remotes: [r], provider: sequenzy, prune: false}).changes
    expect(change!.fields.map((f) => f.text).sort()).toEqual(['adds filter `email contains @b.co`', 'removes filter `email is a@b.co`'])
  })
})
