/** What segsync relies on in Altcraft's answers: schemas/altcraft/responses.schema.json. */
import {contract} from '../kit/contract.js'

export const answers = contract('Altcraft', 'altcraft/responses.schema.json')

/** The `$defs` entry of each read, and of each write's answer. */
export type ReadAnswer = 'SegmentList' | 'SegmentDetail' | 'MailingList' | 'MailingDetail'
export type WriteAnswer = 'SegmentSaved' | 'SegmentDeleted'

/** "POST /api/v1.1/segments/list/": how messages name a method. */
export const routeOf = (method: string): string => `POST /api/v1.1/${method}/`
