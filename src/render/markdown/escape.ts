/**
 * Markdown that names and values cannot break. Segment and campaign names come from vendors and
 * repositories: a backtick, `<!--`, `|`, `$` or an `@mention` in one must render as itself, never
 * close a code span, open an HTML comment that hides the rest of the comment, or ping a team.
 */

/**
 * An inline code span holding `value` verbatim: delimited by a backtick run longer than any run
 * inside (CommonMark §6.1), padded with a space when the value starts or ends with a backtick
 * (or with spaces on both sides, which CommonMark would strip).
 */
export function inlineCode(value: string): string {
  const s = oneLine(value)
  if (s === '') return '` `'
  const longest = Math.max(0, ...(s.match(/`+/g) ?? []).map((run) => run.length))
  const ticks = '`'.repeat(longest + 1)
  const pad = s.startsWith('`') || s.endsWith('`') || (s.startsWith(' ') && s.endsWith(' ') && s.trim() !== '') ? ' ' : ''
  return `${ticks}${pad}${s}${pad}${ticks}`
}

/**
 * Plain text with every character that could start Markdown or HTML escaped. `@` gets a zero-width
 * space after it, as GitHub's own bots write it, so a name like `@acme/marketing` does not notify a team.
 */
export function plainText(value: string): string {
  return oneLine(value)
    .replace(/[\\`*_[\]<>|~&$]/g, (ch) => `\\${ch}`)
    .replace(/@/g, '@\u200b')
}

/**
 * A message from a rule or a vendor check. Rules quote names with JSON.stringify (`deletes "Old": …`):
 * each quoted string becomes a code span. Backtick pairs outside them (`protected: true`) are code
 * spans as written; an odd backtick count is shown literally.
 */
export function messageText(message: string): string {
  let out = ''
  let last = 0
  for (const match of message.matchAll(/"(?:[^"\\]|\\.)*"/g)) {
    const quoted = parseJsonString(match[0])
    if (quoted === undefined) continue
    out += spansText(message.slice(last, match.index)) + inlineCode(quoted)
    last = match.index + match[0].length
  }
  return out + spansText(message.slice(last))
}

/**
 * A field change in words, as providers write it: "adds filter `event is_not saas.purchase:30d`".
 * Its backticks are code spans only when no value of the change holds a backtick itself; otherwise
 * which backtick delimits what is ambiguous, and the whole text is shown verbatim in one code span.
 */
export function fieldText(text: string, values: unknown[]): string {
  if (values.some((v) => stringsIn(v).some((s) => s.includes('`')))) return inlineCode(text)
  return spansText(text, messageText)
}

/** `a \`b\` c` → text, code span, text; with an odd backtick count nothing is a span. */
function spansText(text: string, plain: (s: string) => string = plainText): string {
  const parts = text.split('`')
  if (parts.length % 2 === 0) return plainText(text)
  return parts.map((part, i) => (i % 2 === 1 ? inlineCode(part) : plain(part))).join('')
}

function oneLine(value: string): string {
  return value.replace(/\r\n|\r|\n/g, ' ')
}

function parseJsonString(literal: string): string | undefined {
  try {
    const value: unknown = JSON.parse(literal)
    return typeof value === 'string' ? value : undefined
  } catch {
    return undefined
  }
}

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(stringsIn)
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [k, ...stringsIn(v)])
  return []
}
