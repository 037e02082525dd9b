/** `segsync validate`: every definition and segment test file checked offline. */
import {InvalidDefinitionsError} from '../../errors.js'
import {runContext, type CommandIO, type GlobalFlags} from '../io.js'

export interface ValidateResult {
  valid: true
  config: string
  workspaces: Array<{name: string; provider: string; segments: string; definitions: number; tests: number}>
}

export async function validateAction(flags: GlobalFlags, io: CommandIO): Promise<ValidateResult> {
  const ctx = runContext(flags, io)
  const {prepare} = await import('../../core/prepare.js')
  // Segment test files are checked too: their schema, and the segments and profiles they name.
  const prepared = await prepare({...ctx, tests: true})
  const problems = [...prepared.problems, ...prepared.testProblems]
  if (problems.length > 0) throw new InvalidDefinitionsError(problems)
  const workspaces = prepared.workspaces.map((w) => ({name: w.workspace.name, provider: w.provider.id, segments: w.workspace.segments, definitions: w.definitions.length, tests: w.tests.length}))
  const {c} = io
  for (const w of workspaces) {
    const tests = w.tests ? `, ${w.tests} segment test file${w.tests === 1 ? '' : 's'}` : ''
    io.log(`${c.green('✓')} ${w.name}: ${w.definitions} definition${w.definitions === 1 ? '' : 's'} valid${tests} (${w.provider}, ${w.segments})`)
  }
  return {valid: true, config: prepared.config.file, workspaces}
}
