/**
 * A line diff for reviewers (the before/after of a segment body): the longest common subsequence
 * of lines, then unified-diff hunks with a few lines of context. Bodies are small; past
 * MAX_CELLS the middle is shown as removed-then-added rather than spending time on a finer diff.
 */

export interface DiffLine {
  op: ' ' | '-' | '+'
  text: string
}

export interface Hunk {
  /** 1-based first line and line count on each side, as in `@@ -a,b +c,d @@`. */
  before: {start: number; count: number}
  after: {start: number; count: number}
  lines: DiffLine[]
}

/** Above this many LCS cells (lines before × lines after, once the common ends are cut) the diff is coarse. */
const MAX_CELLS = 4_000_000

export function diffLines(a: string[], b: string[]): DiffLine[] {
  let head = 0
  while (head < a.length && head < b.length && a[head] === b[head]) head++
  let tail = 0
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++
  const same = (lines: string[]) => lines.map((text): DiffLine => ({op: ' ', text}))
  const midA = a.slice(head, a.length - tail)
  const midB = b.slice(head, b.length - tail)
  return [...same(a.slice(0, head)), ...middle(midA, midB), ...same(a.slice(a.length - tail))]
}

function middle(a: string[], b: string[]): DiffLine[] {
  const removed = a.map((text): DiffLine => ({op: '-', text}))
  const added = b.map((text): DiffLine => ({op: '+', text}))
  if (a.length === 0 || b.length === 0 || a.length * b.length > MAX_CELLS) return [...removed, ...added]
  // lcs[i * w + j]: length of the longest common subsequence of a[i..] and b[j..].
  const w = b.length + 1
  const lcs = new Uint32Array((a.length + 1) * w)
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * w + j] = a[i] === b[j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!)
    }
  }
  const out: DiffLine[] = []
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push({op: ' ', text: a[i]!})
      i++
      j++
    } else if (lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!) {
      out.push({op: '-', text: a[i++]!})
    } else {
      out.push({op: '+', text: b[j++]!})
    }
  }
  return [...out, ...removed.slice(i), ...added.slice(j)]
}

/** The changed lines with `context` unchanged lines around each run; runs closer than that share a hunk. */
export function hunks(lines: DiffLine[], context: number): Hunk[] {
  const changed = lines.flatMap((l, i) => (l.op === ' ' ? [] : [i]))
  const ranges: Array<[number, number]> = []
  for (const i of changed) {
    const from = Math.max(0, i - context)
    const to = Math.min(lines.length, i + context + 1)
    const last = ranges.at(-1)
    if (last && from <= last[1]) last[1] = Math.max(last[1], to)
    else ranges.push([from, to])
  }
  // Line numbers on each side before position k.
  const before = [0]
  const after = [0]
  for (const l of lines) {
    before.push(before.at(-1)! + (l.op === '+' ? 0 : 1))
    after.push(after.at(-1)! + (l.op === '-' ? 0 : 1))
  }
  // An empty side starts at the line before it, as in `diff -u` (`@@ -0,0 +1,3 @@`).
  const side = (at: number[], from: number, to: number) => {
    const count = at[to]! - at[from]!
    return {start: count === 0 ? at[from]! : at[from]! + 1, count}
  }
  return ranges.map(([from, to]) => ({before: side(before, from, to), after: side(after, from, to), lines: lines.slice(from, to)}))
}
