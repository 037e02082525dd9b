// Generates src/generated/*.ts from schemas/ (the source of truth). `npm run gen:types`.
// test/unit/generated-types.test.ts fails when the committed output drifts from the schemas.
import {existsSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import {dirname, join, relative, resolve} from 'node:path'
import {compile} from 'json-schema-to-typescript'

const COMMON = 'schemas/common.schema.json'

export function schemaTargets(root) {
  const out = [
    {schema: 'schemas/config.schema.json', target: 'src/generated/config.ts'},
    {schema: 'schemas/plan.schema.json', target: 'src/generated/plan.ts'},
    {schema: 'schemas/apply-report.schema.json', target: 'src/generated/apply-report.ts'},
    {schema: 'schemas/doctor-report.schema.json', target: 'src/generated/doctor-report.ts'},
    {schema: 'schemas/segtest-report.schema.json', target: 'src/generated/segtest-report.ts'},
    {schema: 'schemas/graph.schema.json', target: 'src/generated/graph.ts'},
    {schema: 'schemas/pull-report.schema.json', target: 'src/generated/pull-report.ts'},
    {schema: COMMON, target: 'src/generated/common.ts'},
  ]
  for (const entry of readdirSync(join(root, 'schemas')).sort()) {
    const dir = join(root, 'schemas', entry)
    if (!statSync(dir).isDirectory()) continue
    for (const kind of ['segment', 'responses', 'profile', 'segtest']) {
      if (existsSync(join(dir, `${kind}.schema.json`))) out.push({schema: `schemas/${entry}/${kind}.schema.json`, target: `src/generated/${entry}-${kind}.ts`})
    }
  }
  return out
}

export async function generate(root, schema) {
  const bannerComment = `/* Generated from ${schema} by scripts/gen-types.mjs. Do not edit: change the schema and run \`npm run gen:types\`. */`
  if (schema === COMMON) return commonFields(root, bannerComment)
  const file = join(root, schema)
  return compile(bundle(file), schema, {
    cwd: dirname(file),
    bannerComment,
    unreachableDefinitions: true,
    // Definitions are closed (a stray key is a mistake); vendor answers are open (vendors add fields).
    additionalProperties: schema.endsWith('/responses.schema.json'),
    style: {singleQuote: true, semi: false, printWidth: 110},
  })
}

/**
 * The schema at `file` with its references into other files (common.schema.json) resolved.
 * json-schema-to-typescript would name every type it reaches through such a reference: the
 * definition would read `renamedFrom?: RenamedFrom`, with the comment on the alias instead of the
 * property, and a vendor's own description beside a `$ref` would make a `DependsOn1`. So a common
 * property is written in place, with whatever the vendor adds beside its `$ref`, and a common
 * object (AbsentSegment, SegmentRef) becomes a `$defs` entry of the schema under its own name.
 */
export function bundle(file) {
  const read = (path) => JSON.parse(readFileSync(path, 'utf8'))
  const added = {}
  const resolveNode = (node, from) => {
    if (Array.isArray(node)) return node.map((item) => resolveNode(item, from))
    if (node === null || typeof node !== 'object') return node
    const {$ref, ...rest} = node
    const siblings = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, resolveNode(v, from)]))
    if (typeof $ref !== 'string') return siblings
    const [path, pointer = ''] = $ref.split('#')
    const target = path ? resolve(dirname(from), path) : from
    if (target === file) return {$ref: `#${pointer}`, ...siblings}
    const referenced = pointer.split('/').slice(1).reduce((at, key) => at[key.replaceAll('~1', '/').replaceAll('~0', '~')], read(target))
    if (referenced.type !== 'object') return {...resolveNode(referenced, target), ...siblings}
    const name = pointer.split('/').pop()
    if (!(name in added)) {
      added[name] = {} // taken before resolving, so an object that refers to itself stops here
      added[name] = resolveNode(referenced, target)
    }
    return {$ref: `#/$defs/${name}`, ...siblings}
  }
  const bundled = resolveNode(read(file), file)
  return {...bundled, $defs: {...bundled.$defs, ...added}}
}

/** src/generated/common.ts: COMMON_FIELDS, the keys segsync keeps apart from a definition's body. */
function commonFields(root, bannerComment) {
  const absent = JSON.parse(readFileSync(join(root, COMMON), 'utf8')).$defs.AbsentSegment
  const keys = Object.keys(absent.properties).map((k) => `'${k}'`)
  return `${bannerComment}

/** The fields every definition may have whatever its vendor: the properties of AbsentSegment. */
export const COMMON_FIELDS = [${keys.join(', ')}] as const
`
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.cwd()
  for (const {schema, target} of schemaTargets(root)) {
    writeFileSync(join(root, target), await generate(root, schema))
    console.log(`${relative(root, join(root, schema))} → ${target}`)
  }
}
