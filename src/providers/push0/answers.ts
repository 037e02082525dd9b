/** What segsync relies on in Push0's answers: schemas/push0/responses.schema.json. */
import {contract} from '../kit/contract.js'

export const answers = contract('Push0', 'push0/responses.schema.json')
