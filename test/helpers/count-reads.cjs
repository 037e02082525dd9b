// Preloaded into the CLI (NODE_OPTIONS=--require) by tests that hold it to reading each file once:
// counts the reads of every file through node:fs, by absolute path, and writes the counts as JSON
// to SEGSYNC_TEST_READS when the process exits. Modules loaded by Node itself are not counted.
const fs = require('node:fs')
const {resolve} = require('node:path')
const counts = {}
const count = (path) => {
  if (typeof path !== 'string' && !(path instanceof URL)) return
  const key = resolve(String(path instanceof URL ? path.pathname : path))
  counts[key] = (counts[key] ?? 0) + 1
}
for (const [target, name] of [[fs, 'readFileSync'], [fs, 'readFile'], [fs.promises, 'readFile']]) {
  const original = target[name]
  target[name] = function (path, ...rest) {
    count(path)
    return original.call(this, path, ...rest)
  }
}
process.on('exit', () => fs.writeFileSync(process.env.SEGSYNC_TEST_READS, JSON.stringify(counts)))
