/** Scenario 4: start-up cost: `segsync --version` and `segsync plan --help` against a bare `node -e 0`. */
import {BIN, median, round, timeProcess} from '../lib/measure.mjs'

export function startupScenario({runs = 20}) {
  const time = (args) => {
    timeProcess(args) // warm the file system cache
    return median(Array.from({length: runs}, () => timeProcess(args).ms))
  }
  const node = time(['-e', '0'])
  const version = time([BIN, '--version'])
  const help = time([BIN, 'plan', '--help'])
  return {runs, nodeMs: round(node), versionMs: round(version), planHelpMs: round(help), versionRatio: round(version / node, 3), planHelpRatio: round(help / node, 2)}
}
