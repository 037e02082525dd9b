/**
 * Scenario 3: `segsync validate`.
 * - 1,000 definition files, half TS, half JSON; cold (no jiti cache) and warm.
 * - 5,000 JSON files against the bare reader (bench/baseline-reader.mjs: a node process that reads
 *   and JSON.parses the same files): what validating costs beyond reading. Medians of `runs`.
 */
import {rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {BIN, ROOT, median, round, tempDir, timeProcess} from '../lib/measure.mjs'

const CONFIG = {'segsync.config.json': {provider: 'sequenzy', segments: 'segments', endpoint: 'embedded'}}

/** Definition i: a group of a status filter, an event filter and (every 50th) a reference to the one before. */
export function validateDefinition(i) {
  const children = [{kind: 'filter', field: 'status', operator: 'is', value: `v${i}`}, {kind: 'filter', field: 'event', operator: 'at_least', value: 'app.open:3:30d'}]
  if (i % 50 === 49) children.push({kind: 'filter', field: 'segment', operator: 'is', value: {$segment: `Segment ${i - 1}`}})
  return {name: `Segment ${i}`, root: {kind: 'group', joinOperator: 'and', children}}
}

export function validateScenario({files = 1000, jsonFiles = 5000, warmRuns = 5, runs = 7}) {
  return {...halfTs({files, warmRuns}), ...againstBareReader({files: jsonFiles, runs})}
}

function halfTs({files, warmRuns}) {
  const content = {...CONFIG}
  for (let i = 0; i < files; i++) {
    const def = validateDefinition(i)
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

function againstBareReader({files, runs}) {
  const content = {...CONFIG}
  for (let i = 0; i < files; i++) content[`segments/s${i}.json`] = validateDefinition(i)
  const repo = tempDir(content)
  const reader = join(ROOT, 'bench', 'baseline-reader.mjs')
  const segments = join(repo.dir, 'segments')
  // Alternate the two, after one run of each for the file system cache, so load on the machine hits both alike.
  timeProcess([reader, segments])
  timeProcess([BIN, 'validate'], {cwd: repo.dir})
  const bare = []
  const validate = []
  for (let r = 0; r < runs; r++) {
    bare.push(timeProcess([reader, segments]).ms)
    validate.push(timeProcess([BIN, 'validate'], {cwd: repo.dir}).ms)
  }
  repo.remove()
  const bareMs = median(bare)
  const validateMs = median(validate)
  return {jsonFiles: files, bareReaderMs: round(bareMs), validateJsonMs: round(validateMs), ratioToBareReader: round(validateMs / bareMs, 3)}
}
