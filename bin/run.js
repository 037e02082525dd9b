#!/usr/bin/env node
// `segsync --version` answers without loading oclif (it is what CI scripts call most, and the
// benchmark holds it to twice a bare `node -e 0`). `validate` and `plan` with plain flags run
// their actions directly (dist/cli/fast-path.js), and exit as soon as their output is flushed;
// everything else goes through oclif.
const argv = process.argv.slice(2)
if (argv.length === 1 && argv[0] === '--version') {
  const {readFileSync} = await import('node:fs')
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
  process.stdout.write(`${pkg.name}/${pkg.version} ${process.platform}-${process.arch} node-${process.version}\n`)
} else {
  const {runFast, exitWhenFlushed} = await import('../dist/cli/fast-path.js')
  if (await runFast(argv, new URL('../oclif.manifest.json', import.meta.url))) {
    // Done and written: exit once the output is flushed, without tearing the heap down first.
    await exitWhenFlushed()
  } else {
    const {execute} = await import('@oclif/core/execute')
    await execute({dir: import.meta.url})
  }
}
