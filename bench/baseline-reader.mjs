/**
 * The bare reader: what any tool pays to read a folder of JSON definitions. A node process that
 * walks the folder, reads every `.json` file and `JSON.parse`s it; no config, no schema, no
 * positions. `segsync validate` of the same folder is measured against it (bench/scenarios/validate.mjs).
 *   node bench/baseline-reader.mjs DIR
 */
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'

let files = 0
const walk = (dir) => {
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) walk(path)
    else if (entry.name.endsWith('.json')) {
      JSON.parse(readFileSync(path, 'utf8'))
      files++
    }
  }
}
walk(process.argv[2])
if (files === 0) throw new Error(`no JSON files under ${process.argv[2]}`)
