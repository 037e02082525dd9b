// Preloaded into the CLI (NODE_OPTIONS=--import) by tests that hold it to reading each file once:
// counts the reads of every file through node:fs, by absolute path, and writes the counts as JSON
// to SEGSYNC_TEST_READS when the process exits. Modules loaded by Node itself are not counted.
import fs from 'node:fs'
import {syncBuiltinESMExports} from 'node:module'
import {resolve} from 'node:path'
import {fileURLToPath} from 'node:url'

const counts = {}
const count = (path) => {
  if (typeof path !== 'string' && !(path instanceof URL)) return
  const key = resolve(path instanceof URL ? fileURLToPath(path) : path)
  counts[key] = (counts[key] ?? 0) + 1
}
for (const [target, name] of [
  [fs, 'readFileSync'],
  [fs, 'readFile'],
  [fs.promises, 'readFile'],
]) {
  const original = target[name]
  target[name] = function (path, ...rest) {
    count(path)
    return original.call(this, path, ...rest)
  }
}
// `import {readFileSync} from 'node:fs'` in the modules loaded next gets the counting one.
syncBuiltinESMExports()
process.on('exit', () => fs.writeFileSync(process.env.SEGSYNC_TEST_READS, JSON.stringify(counts)))
