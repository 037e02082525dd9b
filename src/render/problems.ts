import type {Problem} from '../core/model.js'
import type {Colors} from './colors.js'

/** `file:line:col  error  message  (path)` plus a hint line, one block per problem. */
export function renderProblems(problems: Problem[], c: Colors): string {
  return problems
    .map((p) => {
      const where = [p.file, p.line, p.column].filter((x) => x !== undefined).join(':')
      const path = p.path && p.path !== '/' ? c.dim(`  at ${p.path}`) : ''
      const head = `${c.bold(where)}  ${c.red('error')}  ${p.message}${path}`
      return p.hint ? `${head}\n    ${c.cyan('hint:')} ${p.hint}` : head
    })
    .join('\n')
}

export function problemSummary(problems: Problem[]): string {
  const files = new Set(problems.map((p) => p.file)).size
  return `${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`
}
