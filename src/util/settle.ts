/**
 * Every task's value, in order, once all have settled. When any rejects, the first rejection in
 * order is thrown, but only after the others are done: none is left running (with a connection
 * open) behind the error, and which error the user sees does not depend on who failed first.
 */
export async function allSettledInOrder<T>(tasks: Array<Promise<T>>): Promise<T[]> {
  const settled = await Promise.allSettled(tasks)
  const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected')
  if (failure) throw failure.reason
  return settled.map((s) => (s as PromiseFulfilledResult<T>).value)
}
