/**
 * Runs dependent tasks with bounded concurrency. After the first failure (or a stop signal, or a
 * failure elsewhere that `halt` reports) it starts nothing new, lets what is in flight finish, and
 * reports every task as applied, failed or not attempted, with the reason. No rollback: a re-run converges (anchors-reliability.md §1).
 */
export interface Task<T> {
  id: string
  /** Ids of tasks that must succeed first (ids that are not tasks are ignored). */
  deps: string[]
  run(): Promise<T>
}

export type TaskOutcome<T> =
  | {status: 'applied'; value: T}
  | {status: 'failed'; error: unknown}
  | {status: 'not-attempted'; reason: string}

export interface RunOptions<T> {
  concurrency: number
  /** Checked before starting each task: true stops the run (SIGINT/SIGTERM). */
  stopped?: () => boolean
  /** Checked likewise: a reason (another workspace failed) stops the run, and is what the tasks not started say. */
  halt?: () => string | undefined
  onSettled?: (id: string, outcome: TaskOutcome<T>) => void
}

export async function runTasks<T>(tasks: Array<Task<T>>, options: RunOptions<T>): Promise<Map<string, TaskOutcome<T>>> {
  const ids = new Set(tasks.map((t) => t.id))
  const outcomes = new Map<string, TaskOutcome<T>>()
  const pending = [...tasks]
  let running = 0
  let halted: 'failure' | 'stopped' | {reason: string} | undefined

  return new Promise((resolve) => {
    const settle = (id: string, outcome: TaskOutcome<T>) => {
      outcomes.set(id, outcome)
      options.onSettled?.(id, outcome)
    }
    const finish = () => {
      for (const task of pending) {
        const failedDep = task.deps.find((d) => outcomes.get(d)?.status === 'failed' || outcomes.get(d)?.status === 'not-attempted')
        const reason = failedDep
          ? `depends on ${JSON.stringify(failedDep)}, which ${outcomes.get(failedDep)?.status === 'failed' ? 'failed' : 'was not applied'}`
          : halted === 'stopped'
            ? 'interrupted before it started'
            : typeof halted === 'object'
              ? halted.reason
              : 'not started: the apply stopped after a failure'
        settle(task.id, {status: 'not-attempted', reason})
      }
      pending.length = 0
      resolve(outcomes)
    }
    const pump = () => {
      if (!halted && options.stopped?.()) halted = 'stopped'
      const elsewhere = halted ? undefined : options.halt?.()
      if (elsewhere) halted = {reason: elsewhere}
      if (!halted) {
        for (let i = 0; i < pending.length && running < options.concurrency; ) {
          const task = pending[i]!
          const ready = task.deps.every((d) => !ids.has(d) || outcomes.get(d)?.status === 'applied')
          if (!ready) {
            i++
            continue
          }
          pending.splice(i, 1)
          running++
          task.run().then(
            (value) => settle(task.id, {status: 'applied', value}),
            (error: unknown) => {
              settle(task.id, {status: 'failed', error})
              halted ??= 'failure'
            },
          ).finally(() => {
            running--
            pump()
          })
        }
      }
      if (running === 0) finish()
    }
    pump()
  })
}
