/**
 * How CommonMark (§6.1 code spans, §2.4 backslash escapes) reads a line: its code spans, and the
 * text outside them. Enough to check that a name renders as itself and breaks nothing.
 */
export function codeSpans(line: string): string[] {
  return scan(line).spans
}

/** The line with its code spans removed and backslash escapes left in place. */
export function outsideCode(line: string): string {
  return scan(line).outside
}

function scan(line: string): {spans: string[]; outside: string} {
  const spans: string[] = []
  let outside = ''
  let i = 0
  while (i < line.length) {
    if (line[i] === '\\' && i + 1 < line.length) {
      outside += line.slice(i, i + 2)
      i += 2
      continue
    }
    if (line[i] !== '`') {
      outside += line[i]
      i++
      continue
    }
    const open = runAt(line, i)
    const close = closingRun(line, i + open, open)
    if (close === -1) {
      outside += line.slice(i, i + open)
      i += open
      continue
    }
    let content = line.slice(i + open, close)
    if (content.startsWith(' ') && content.endsWith(' ') && content.trim() !== '') content = content.slice(1, -1)
    spans.push(content)
    i = close + open
  }
  return {spans, outside}
}

function runAt(line: string, i: number): number {
  let j = i
  while (line[j] === '`') j++
  return j - i
}

function closingRun(line: string, from: number, length: number): number {
  let k = from
  while (k < line.length) {
    if (line[k] !== '`') {
      k++
      continue
    }
    const run = runAt(line, k)
    if (run === length) return k
    k += run
  }
  return -1
}
