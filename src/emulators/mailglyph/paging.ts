/**
 * Page-number pages, as MailGlyph's campaign list answers them (vendors.md §1.7): `page` (≥ 1,
 * default 1) and `pageSize` (≤ 100, default 20) in the query, `{data, page, pageSize, total,
 * totalPages}` as the body. Out-of-range values are a 400 (assumptions.campaignPageSizeMax).
 */
import type {EmulatorRequest, EmulatorResponse} from '../shared/server.js'
import type {MailGlyphAssumptions} from './assumptions.js'

export interface Page<T> {
  data: T[]
  page: number
  pageSize: number
  total: number
  totalPages: number
}

/** One page of `items` (already filtered), or the 400 to answer. */
export function paginate<T>(items: T[], req: EmulatorRequest, rules: MailGlyphAssumptions, fail: (status: number, message: string) => EmulatorResponse): {page: Page<T>} | {response: EmulatorResponse} {
  const page = integerParam(req, 'page', 1)
  const pageSize = integerParam(req, 'pageSize', rules.campaignPageSizeDefault)
  if (page === undefined || page < 1) return {response: fail(400, `${rules.validationPrefix}/query/page must be integer >= 1`)}
  if (pageSize === undefined || pageSize < 1 || pageSize > rules.campaignPageSizeMax) {
    return {response: fail(400, `${rules.validationPrefix}/query/pageSize must be integer between 1 and ${rules.campaignPageSizeMax}`)}
  }
  const data = items.slice((page - 1) * pageSize, page * pageSize)
  return {page: {data, page, pageSize, total: items.length, totalPages: Math.ceil(items.length / pageSize)}}
}

function integerParam(req: EmulatorRequest, name: string, fallback: number): number | undefined {
  const raw = req.query.get(name)
  if (raw === null) return fallback
  return /^\d+$/.test(raw) ? Number(raw) : undefined
}
