/**
 * For the precompiled yes/no validators (scripts/build-validators.mjs): a copy of a schema in
 * which every `oneOf` whose branches are told apart by `const` tags also carries ajv's
 * `discriminator`, so a value is checked against the one branch its tags name instead of against
 * every branch in turn (Sequenzy's FilterNode: 26 branches, by `kind`, then by `field`).
 *
 * The answer is the same as the schema's: each branch requires its tags and no two branches carry
 * the same ones, so at most one branch can match a value, the one its tags name. A `oneOf` not
 * tagged that way (Kibamail's conditions, told apart by their keys) is left as it is. The readable
 * path (schema.ts) keeps the schema as written: it explains a mistake against the branches.
 */
type Schema = Record<string, unknown>

interface Dispatch {
  discriminator: {propertyName: string}
  oneOf: Schema[]
}

export function withDiscriminators(schema: Schema): Schema {
  const copy = structuredClone(schema)
  const resolve = (branch: Schema): Schema | undefined => {
    if (typeof branch.$ref !== 'string') return branch
    if (!branch.$ref.startsWith('#/')) return undefined // another file: left alone
    let node: unknown = copy
    for (const part of branch.$ref.slice(2).split('/')) node = (node as Schema | undefined)?.[part.replaceAll('~1', '/').replaceAll('~0', '~')]
    return node !== null && typeof node === 'object' ? (node as Schema) : undefined
  }
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit)
    if (node === null || typeof node !== 'object') return
    for (const value of Object.values(node)) visit(value)
    const s = node as Schema
    // Only where the value must be an object anyway: ajv reads the tag off it.
    const objectOnly = s.type === undefined || s.type === 'object'
    const tagged = Array.isArray(s.oneOf) && s.discriminator === undefined && objectOnly ? dispatch(s.oneOf as Schema[], resolve) : undefined
    // Every branch is an object (tagValue), so the oneOf is too.
    if (tagged) Object.assign(s, {type: s.type ?? 'object'}, tagged)
  }
  visit(copy)
  return copy
}

/** By one tag that names each branch, or by a tag whose values each name one branch or a group told apart by a further tag. */
function dispatch(branches: Schema[], resolve: (s: Schema) => Schema | undefined, taken: string[] = []): Dispatch | undefined {
  const resolved = branches.map(resolve)
  if (resolved.length < 2 || resolved.some((r) => r === undefined)) return undefined
  for (const tag of Object.keys(properties(resolved[0]!)).filter((t) => !taken.includes(t))) {
    const values = resolved.map((r) => tagValue(r!, tag))
    if (values.some((v) => v === undefined)) continue
    const groups = new Map<string, Schema[]>()
    values.forEach((v, i) => groups.set(v!, [...(groups.get(v!) ?? []), branches[i]!]))
    const oneOf: Schema[] = []
    for (const [value, group] of groups) {
      if (group.length === 1) {
        oneOf.push(group[0]!)
        continue
      }
      const inner = dispatch(group, resolve, [...taken, tag])
      if (!inner) break
      oneOf.push({type: 'object', required: [tag], properties: {[tag]: {const: value}}, ...inner})
    }
    if (oneOf.length === groups.size) return {discriminator: {propertyName: tag}, oneOf}
  }
  return undefined
}

function properties(schema: Schema): Record<string, Schema> {
  return (schema.properties as Record<string, Schema> | undefined) ?? {}
}

/** The string `const` of a property the branch (an object) requires, else undefined. */
function tagValue(schema: Schema, tag: string): string | undefined {
  const value = properties(schema)[tag]?.const
  const required = Array.isArray(schema.required) && schema.required.includes(tag)
  return typeof value === 'string' && required && schema.type === 'object' ? value : undefined
}
