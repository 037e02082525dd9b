/** What segsync relies on in MailGlyph's answers: schemas/mailglyph/responses.schema.json. */
import type {SegmentList} from '../../generated/mailglyph-responses.js'
import {contract, type Answer} from '../kit/contract.js'

export const answers = contract('MailGlyph', 'mailglyph/responses.schema.json')

/** GET /segments, a bare array of Segment: the one read plan, apply's re-reads and doctor share. */
export function readSegmentList(res: Answer): SegmentList {
  return answers.read<SegmentList>('SegmentList', res, 'GET /segments')
}
