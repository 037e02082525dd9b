/**
 * A change to an Altcraft segment in words, for reviewers: "adds query `email equal Yahoo! (US)`",
 * "joins the queries with or (was and)", "limits the segment to 5000 profiles". Paths are those of
 * the normalised form (mapping.ts): segment → `block #N` → queries → <query key> → child → …
 */
import type {JsonPath} from '../../core/model.js'
import type {FieldEdit} from '../../core/provider.js'

type Change = FieldEdit

export function describeChange(change: Change): string | undefined {
  const {path} = change
  if (path.length === 1) return topLevel(change)
  if (path[0] !== 'segment') return undefined
  const block = String(path[1])
  // Most segments have one block: name it only when there are more.
  const inBlock = block === 'block #1' ? '' : ` in ${block}`
  // A whole block: words for an added/removed extra block; a new segment's first one is walked into.
  if (path.length === 2) return change.kind === 'change' || block === 'block #1' ? undefined : blockText(change, block)
  const queries = queryChain(path.slice(2))
  if (queries) return queryChange(change, queries.chain, queries.rest, inBlock)
  return path.length === 3 ? blockField(change, String(path[2]), inBlock) : undefined
}

function topLevel({path, kind, before, after}: Change): string | undefined {
  switch (path[0]) {
    case 'list_id':
      return kind === 'add' ? `selects from profile database ${String(after)} (list_id)` : `moves the segment from profile database ${String(before)} to ${String(after)} (list_id)`
    case 'is_static':
      // null: Altcraft did not say the type (segment-type.ts); the segment is read-only.
      if (before === null) return `its type is unknown: Altcraft's segments/get has no is_static (the definition says ${after === true ? 'updatable' : 'dynamic'})`
      return kind === 'remove' ? 'makes it a dynamic segment (is_static: false)' : 'makes it an updatable segment (is_static: true)'
    case 'is_refresh_daily':
      return kind === 'remove' ? 'stops the daily refresh (is_refresh_daily: false)' : 'refreshes the members daily (is_refresh_daily: true)'
    default:
      return undefined
  }
}

function blockText(change: Change, block: string): string {
  const b = (change.kind === 'remove' ? change.before : change.after) as {condition?: string; queries?: Record<string, unknown>}
  return `${change.kind === 'remove' ? 'removes' : 'adds'} ${block}: ${count(b?.queries, 'query', 'queries')} joined with ${String(b?.condition)}`
}

function blockField({kind, before, after}: Change, field: string, inBlock: string): string | undefined {
  switch (field) {
    case 'condition':
      return kind === 'add' ? `joins the queries${inBlock} with ${String(after)}` : `joins the queries${inBlock} with ${String(after)} (was ${String(before)})`
    case 'limit':
      if (kind === 'add') return `limits the segment${inBlock} to ${String(after)} profiles`
      if (kind === 'remove') return `removes the limit of ${String(before)} profiles${inBlock}`
      return `changes the profile limit${inBlock} from ${String(before)} to ${String(after)}`
    case 'percent_from':
    case 'percent_to': {
      // A left-out bound is the default (0 and 100: the whole database).
      const from = field === 'percent_from'
      if (kind === 'add') return `samples the database${inBlock} ${from ? 'from' : 'up to'} ${String(after)}%`
      const now = kind === 'remove' ? (from ? 0 : 100) : after
      return `the sample${inBlock} ${from ? 'starts' : 'ends'} at ${String(now)}% (was ${String(before)}%)`
    }
    default:
      return undefined
  }
}

/** A query added or removed (named by its key), nested queries added or removed, or a query field changed. */
function queryChange(change: Change, chain: string[], rest: JsonPath, inBlock: string): string | undefined {
  const query = `\`${chain[chain.length - 1]}\``
  const verb = change.kind === 'remove' ? 'removes' : 'adds'
  const value = (change.kind === 'remove' ? change.before : change.after) as {child?: Record<string, unknown>; condition?: string} | undefined
  if (rest.length === 0) {
    if (change.kind === 'change') return undefined
    const parent = chain.length > 1 ? ` nested in \`${chain[chain.length - 2]}\`` : ''
    const nested = value?.child ? ` with ${count(value.child, 'nested query', 'nested queries')}${value.condition ? ` joined with ${value.condition}` : ''}` : ''
    return `${verb} query ${query}${parent}${nested}${inBlock}`
  }
  if (rest.length === 1 && rest[0] === 'child' && change.kind !== 'change') {
    return `${verb} ${count(value, 'nested query', 'nested queries')} ${change.kind === 'remove' ? 'from' : 'to'} query ${query}${inBlock}`
  }
  const field = rest.map(String).join('.')
  if (change.kind === 'add') return `query ${query}${inBlock}: ${field} set to ${JSON.stringify(change.after)}`
  if (change.kind === 'remove') return `query ${query}${inBlock}: ${field} removed (was ${JSON.stringify(change.before)})`
  return `query ${query}${inBlock}: ${field} changes from ${JSON.stringify(change.before)} to ${JSON.stringify(change.after)}`
}

function count(items: Record<string, unknown> | undefined, one: string, many: string): string {
  const n = Object.keys(items ?? {}).length
  return `${n} ${n === 1 ? one : many}`
}

/** The query keys along a path (`queries`, K, `child`, K2, …) and what follows them. */
function queryChain(path: JsonPath): {chain: string[]; rest: JsonPath} | undefined {
  if (path[0] !== 'queries' || path.length < 2) return undefined
  const chain: string[] = []
  let i = 0
  while ((path[i] === 'queries' || path[i] === 'child') && i + 1 < path.length) {
    chain.push(String(path[i + 1]))
    i += 2
  }
  return {chain, rest: path.slice(i)}
}
