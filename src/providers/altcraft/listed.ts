/**
 * Reading the details of what a list method listed (segments/get, campaigns/get). A detail that
 * answers "not found" is gone only if the list no longer has it either: the list is read once more
 * to check. Still listed, the read failed, and segsync stops: a segment left out would be created
 * again by the plan, a mailing left out would hide the segment it sends to.
 */
import {SegsyncError, VendorError} from '../../errors.js'
import type {ListedItem} from '../../generated/altcraft-responses.js'
import {NOT_FOUND} from './assumptions.js'

export async function readListed<T>(listed: ListedItem[], relist: () => Promise<ListedItem[]>, what: string, get: (id: number) => Promise<T>): Promise<Array<T | undefined>> {
  // One re-read of the list serves every "not found" of this run.
  let again: Promise<Set<number>> | undefined
  const stillListed = async (id: number) => (await (again ??= relist().then((items) => new Set(items.map((i) => i.id))))).has(id)
  return Promise.all(
    listed.map(async (item) => {
      try {
        return await get(item.id)
      } catch (error) {
        if (!(error instanceof VendorError && error.status === NOT_FOUND)) throw error
        // Deleted between the list and its read: nothing to plan for it.
        if (!(await stillListed(item.id))) return undefined
        throw new SegsyncError(
          `Altcraft lists ${what} ${item.id} (${JSON.stringify(item.name)}), yet reading it answered "not found" (${error.message}): segsync stopped before writing anything`,
          'If it was being deleted or changed while segsync read it, run the command again. Otherwise run `segsync doctor` and send us its report.',
        )
      }
    }),
  )
}
