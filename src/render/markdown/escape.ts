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
 * A name, id, flag or command that must not break across lines. GitHub renders inline code with
 * `white-space: break-spaces` (github-markdown-css), so a code span wraps at its spaces and after
 * its hyphens (`--allow-campaign-` / `impact`); `<kbd>` is `display: inline-block`, one box that
 * moves to the next line whole. Its characters stay as written, so a reviewer who copies a flag
 * or searches the page for a name finds exactly it (non-breaking hyphens or word joiners would not).
 */
export function unbroken(value: string): string {
  const s = plainText(value)
  return `<kbd>${s === '' ? ' ' : s}</kbd>`
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
 * each quoted string is shown by `quoted`, by default as a name that does not break. Backtick pairs
 * outside them are commands that do not break (`segsync pull`) or code spans as written
 * (`protected: true`); an odd backtick count is shown literally.
 */
export function messageText(message: string, quoted: (value: string) => string = unbroken): string {
  let out = ''
  let last = 0
  for (const {index, end, value} of quotedStrings(message)) {
    out += spansText(message.slice(last, index), plainText, commandOrCode) + quoted(value)
    last = end
  }
  return out + spansText(message.slice(last), plainText, commandOrCode)
}

/** A command or flag a message quotes (`segsync pull`, `--allow-delete`) does not break; other code (`protected: true`) is a code span. */
function commandOrCode(code: string): string {
  return /^(segsync\s|--)/.test(code) ? unbroken(code) : inlineCode(code)
}

/**
 * A field change in words, as providers write it: "adds filter `event is_not saas.purchase:30d`".
 * Its backticks are code spans only when no value of the change holds a backtick itself; otherwise
 * which backtick delimits what is ambiguous, and the whole text is shown verbatim in one code span.
 * `names`: the segment names the change holds (its references, or the name itself): quoted, they
 * are shown as names, also inside a condition (`in segment` + the name); other quoted values are code.
 */
export function fieldText(text: string, values: unknown[], names: ReadonlySet<string> = new Set()): string {
  if (values.some((v) => stringsIn(v).some((s) => s.includes('`')))) return inlineCode(text)
  const quoted = (value: string) => (names.has(value) ? unbroken(value) : inlineCode(value))
  return spansText(text, (plain) => messageText(plain, quoted), (code) => codeWithNames(code, names))
}

/** `a \`b\` c` → text, code span, text; with an odd backtick count nothing is a span. */
function spansText(text: string, plain: (s: string) => string = plainText, code: (s: string) => string = inlineCode): string {
  const parts = text.split('`')
  if (parts.length % 2 === 0) return plainText(text)
  return parts.map((part, i) => (i % 2 === 1 ? code(part) : plain(part))).join('')
}

/** A condition as code, with each quoted name in it lifted out as a name: `in segment` <kbd>VIP</kbd>. */
function codeWithNames(code: string, names: ReadonlySet<string>): string {
  const pieces: string[] = []
  let last = 0
  const codePart = (part: string) => {
    const [, lead = '', core = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(part) ?? []
    pieces.push(lead ? ' ' : '', core ? inlineCode(core) : '', trail ? ' ' : '')
  }
  for (const {index, end, value} of quotedStrings(code)) {
    if (!names.has(value)) continue
    codePart(code.slice(last, index))
    pieces.push(unbroken(value))
    last = end
  }
  if (last === 0) return inlineCode(code)
  codePart(code.slice(last))
  return pieces.join('')
}

/** The JSON string literals in a text, where they are and what they hold. */
function quotedStrings(text: string): Array<{index: number; end: number; value: string}> {
  const out: Array<{index: number; end: number; value: string}> = []
  for (const match of text.matchAll(/"(?:[^"\\]|\\.)*"/g)) {
    const value = parseJsonString(match[0])
    if (value !== undefined) out.push({index: match.index, end: match.index + match[0].length, value})
  }
  return out
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
