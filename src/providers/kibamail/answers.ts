/** What segsync relies on in Kibamail's answers: schemas/kibamail/responses.schema.json. */
import {UncertainWriteError} from '../../errors.js'
import {contract, shown} from '../kit/contract.js'

export const answers = contract('Kibamail', 'kibamail/responses.schema.json')

/**
 * A PUT or DELETE answered for another segment than the one in its path: inside the contract's
 * shapes, but segsync cannot tell what it changed, so the write is uncertain and apply re-reads.
 */
export function sameSegment<T extends {id: string}>(answer: T, id: string, route: string): T {
  if (answer.id === id) return answer
  throw new UncertainWriteError(`Kibamail answered ${route} with segment ${shown(answer.id)}, not ${JSON.stringify(id)} it was asked to change: the write may or may not have landed`, {
    vendor: 'Kibamail',
    route,
    path: '/id',
    expected: `the id in the path, ${JSON.stringify(id)}`,
    got: shown(answer.id),
  })
}
