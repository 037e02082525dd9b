/** What segsync relies on in Sequenzy's answers: schemas/sequenzy/responses.schema.json. */
import {contract} from '../kit/contract.js'

export const answers = contract('Sequenzy', 'sequenzy/responses.schema.json')
