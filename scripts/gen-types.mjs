// Generates src/generated/*.ts from schemas/ (the source of truth). `npm run gen:types`.
// test/unit/generated-types.test.ts fails when the committed output drifts from the schemas.
import {readdirSync, statSync, writeFileSync} from 'node:fs'
import {join, relative} from 'node:path'
import {compileFromFile} from 'json-schema-to-typescript'

export function schemaTargets(root) {
  const out = [
    {schema: 'schemas/config.schema.json', target: 'src/generated/config.ts'},
    {schema: 'schemas/plan.schema.json', target: 'src/generated/plan.ts'},
    {schema: 'schemas/apply-report.schema.json', target: 'src/generated/apply-report.ts'},
  ]
  for (const entry of readdirSync(join(root, 'schemas')).sort()) {
    const dir = join(root, 'schemas', entry)
    if (statSync(dir).isDirectory()) out.push({schema: `schemas/${entry}/segment.schema.json`, target: `src/generated/${entry}-segment.ts`})
  }
  return out
}

export async function generate(root, schema) {
  return compileFromFile(join(root, schema), {
    cwd: join(root, 'schemas'),
    bannerComment: `/* Generated from ${schema} by scripts/gen-types.mjs. Do not edit: change the schema and run \`npm run gen:types\`. */`,
    unreachableDefinitions: true,
    additionalProperties: false,
    style: {singleQuote: true, semi: false, printWidth: 110},
  })
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = process.cwd()
  for (const {schema, target} of schemaTargets(root)) {
    writeFileSync(join(root, target), await generate(root, schema))
    console.log(`${relative(root, join(root, schema))} → ${target}`)
  }
}
