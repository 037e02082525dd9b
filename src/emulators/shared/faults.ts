/**
 * Fault injection shared by every emulator, driven from tests through one interface
 * (anchors-reliability.md §8: refuse, reset before/after commit, chosen status, mutate state).
 */
export type Fault =
  /** Wait before handling. */
  | {type: 'latency'; ms: number}
  /** Answer this status without touching state (e.g. 429 with or without Retry-After, 503). */
  | {type: 'status'; status: number; headers?: Record<string, string>; body?: unknown}
  /** Drop the connection before the request is handled: nothing is committed. */
  | {type: 'reset-before'}
  /** Handle (commit) the request, then drop the connection without answering. */
  | {type: 'reset-after'}
  /** Never answer. The client's timeout has to deal with it. */
  | {type: 'hang'}
  /** Handle (commit), then send only part of the body. */
  | {type: 'truncate'}
  /**
   * Answer with this instead: a status, a raw body (JSON text, HTML, "No message", nothing) and a
   * content type. A vendor answering outside its documents. `commit: true` handles the request
   * first (a write lands), then answers this way.
   */
  | {type: 'answer'; status?: number; body?: string; contentType?: string; commit?: boolean}
  /** Change the emulator's state before handling: an edit in the vendor UI. */
  | {type: 'mutate'; apply: (state: unknown) => void}
  /**
   * Run test code as the request arrives (e.g. kill the client process), then handle the request
   * normally, or as the fault `fn` returns (e.g. reset-before: the write never lands).
   */
  | {type: 'call'; fn: () => Fault | undefined}

export interface FaultRule {
  method?: string
  /** Exact path, or a pattern matched against the path (no query). */
  path?: string | RegExp
  /** Let this many matching requests through untouched first. */
  skip?: number
  /** How many matching requests get the fault (default: every one). */
  times?: number
  /** Only every n-th matching request (after `skip`) gets the fault: 2 = half of them. */
  every?: number
  fault: Fault
}

interface ActiveRule extends FaultRule {
  seen: number
  fired: number
}

export class FaultController {
  private rules: ActiveRule[] = []

  add(rule: FaultRule): this {
    this.rules.push({...rule, seen: 0, fired: 0})
    return this
  }

  clear(): void {
    this.rules = []
  }

  /** Faults for this request, in the order they were added. Counts the request against each rule. */
  take(method: string, path: string): Fault[] {
    const out: Fault[] = []
    for (const rule of this.rules) {
      if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) continue
      if (rule.path && !(typeof rule.path === 'string' ? rule.path === path : rule.path.test(path))) continue
      rule.seen++
      if (rule.seen <= (rule.skip ?? 0)) continue
      if (rule.every && (rule.seen - (rule.skip ?? 0)) % rule.every !== 0) continue
      if (rule.times !== undefined && rule.fired >= rule.times) continue
      rule.fired++
      out.push(rule.fault)
    }
    return out
  }
}
