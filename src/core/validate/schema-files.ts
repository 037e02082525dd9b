/**
 * The schema files a schema reaches through `$ref`s into other files (each vendor schema refers
 * to common.schema.json). ajv must be given them before it compiles the schema, and a validator
 * precompiled from a schema is stale when any of them changes.
 *
 * A relative `$ref` is resolved here against the referencing file's path, as editors do; ajv
 * resolves it against the schema's `$id`. schemas/ mirrors the `$id`s (https://segsync.dev/schemas/…)
 * so both land on the same file, which test/unit/common-schema.test.ts checks.
 */
import {readFileSync} from 'node:fs'
import {fileURLToPath, pathToFileURL} from 'node:url'

const schemaFiles = new Map<string, {text: string; json: unknown}>()

/**
 * A schema file's text and its JSON, read once per process: a schema referenced by every other
 * (common.schema.json), or one with a validator per `$defs` entry (a vendor's response contracts),
 * is not read again for each. Throws as `readFileSync` does when there is no such file.
 */
export function readSchema(file: string): {text: string; json: unknown} {
  let got = schemaFiles.get(file)
  if (!got) {
    const text = readFileSync(file, 'utf8')
    got = {text, json: JSON.parse(text) as unknown}
    schemaFiles.set(file, got)
  }
  return got
}

/** Absolute paths of the other schema files `file` references, directly or through them, in the order met. */
export function referencedSchemaFiles(file: string, schema: unknown = readSchema(file).json): string[] {
  const found: string[] = []
  const visit = (from: string, node: unknown) => {
    for (const ref of externalRefs(node)) {
      const target = fileURLToPath(new URL(ref, pathToFileURL(from)))
      if (target === file || found.includes(target)) continue
      found.push(target)
      visit(target, readSchema(target).json)
    }
  }
  visit(file, schema)
  return found
}

/** The file part of every `$ref` in `node` that points into another file (`../common.schema.json#/$defs/Name` → `../common.schema.json`). */
function externalRefs(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) {
    for (const item of node) externalRefs(item, out)
  } else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && !value.startsWith('#')) out.add(value.split('#')[0]!)
      else externalRefs(value, out)
    }
  }
  return out
}
