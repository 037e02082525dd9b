/**
 * One paginator for every vendor's list: cursor (Kibamail `after`), offset (Sequenzy campaigns),
 * page (MailGlyph campaigns, Push0 segments) and keyset (Altcraft `from_id`). Each vendor says how
 * to read one page and where the next one starts; the loop, the de-duplication of items that two
 * pages both carry, and the guard against a vendor that does not advance live here, so a list
 * that never ends fails with a message instead of looping.
 */
import {SegsyncError} from '../../errors.js'

export interface PageRead<T, C> {
  items: T[]
  /** Where the next page starts; undefined when this page is the last. */
  next: C | undefined
}

export interface PaginateOptions<T> {
  /** Vendor name and route, for the message: "Push0", "GET /v1/segments". */
  vendor: string
  route: string
  idOf(item: T): string
  /**
   * A page that brings nothing new ends the list instead of failing. Altcraft's keyset lists
   * answer `next_from_id` = the last id, so the page after the last repeats it.
   */
  staleEnds?: boolean
}

export async function paginate<T, C>(start: C, read: (cursor: C, page: number) => Promise<PageRead<T, C>>, options: PaginateOptions<T>): Promise<T[]> {
  const seen = new Set<string>()
  const cursors = new Set<string>([JSON.stringify(start)])
  const out: T[] = []
  let cursor = start
  for (let page = 1; ; page++) {
    const {items, next} = await read(cursor, page)
    let fresh = 0
    for (const item of items) {
      const id = options.idOf(item)
      if (seen.has(id)) continue
      seen.add(id)
      out.push(item)
      fresh++
    }
    if (next === undefined) return out
    if (fresh === 0) {
      if (options.staleEnds) return out
      throw notAdvancing(options, page, 'with only items already read')
    }
    const key = JSON.stringify(next)
    if (cursors.has(key)) throw notAdvancing(options, page, `pointing back at a page already read (${key})`)
    cursors.add(key)
    cursor = next
  }
}

function notAdvancing(options: PaginateOptions<unknown>, page: number, how: string): SegsyncError {
  return new SegsyncError(
    `${options.vendor} returned page ${page} of ${options.route} ${how}: pagination is not advancing, so segsync stopped instead of looping`,
    `This is the vendor's answer, not your definitions: run segsync doctor -w <workspace> and send us its report.`,
  )
}
