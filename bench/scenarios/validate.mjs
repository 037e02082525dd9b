/** Scenario 3: `segsync validate` over 1,000 definition files, half TS, half JSON; cold and warm. */
import {rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {BIN, median, round, tempDir, timeProcess} from '../lib/measure.mjs'

export function validateScenario({files = 1000, warmRuns = 5}) {
  const content = {'segsync.config.json': {provider: 'sequenzy', segments: 'segments', endpoint: 'embedded'}}
  for (let i = 0; i < files; i++) {
    const def = {name: `Segment ${i}`, root: {kind: 'group', joinOperator: 'and', children: [{kind: 'filter', field: 'status', operator: 'is', value: `v${i}`}, {kind: 'filter', field: 'event', operator: 'at_least', value: 'app.open:3:30d'}]}}
    if (i % 2) content[`segments/s${i}.json`] = def
    else content[`segments/s${i}.ts`] = `import {defineSegment} from 'segsync/sequenzy'\n\nexport default defineSegment(${JSON.stringify(def, null, 2)})\n`
  }
  const repo = tempDir(content)
  // jiti keeps transpiled TS in node_modules/.cache/jiti when that folder exists, else in the OS temp dir.
  const clearCache = () => {
    rmSync(join(tmpdir(), 'jiti'), {recursive: true, force: true})
    rmSync(join(repo.dir, 'node_modules', '.cache', 'jiti'), {recursive: true, force: true})
  }
  clearCache()
  const cold = timeProcess([BIN, 'validate'], {cwd: repo.dir}).ms
  const warm = median(Array.from({length: warmRuns}, () => timeProcess([BIN, 'validate'], {cwd: repo.dir}).ms))
  repo.remove()
  return {files, tsFiles: files / 2, coldMs: round(cold), warmMs: round(warm)}
}
