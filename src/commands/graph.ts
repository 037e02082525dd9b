import * as Flags from '@oclif/core/flags'
import {BaseCommand, sharedFlags} from '../cli/base-command.js'
import {InvalidDefinitionsError} from '../errors.js'

export default class Graph extends BaseCommand {
  static override summary = 'Print the segments of each workspace and who uses whom, as Mermaid, DOT or JSON.'
  static override description = `Prints the whole workspace to stdout: every segment a definition file names, an arrow from each segment to the segments that reference it ({ "$segment": "name" }) and, dashed, to those that only wait for it (dependsOn). The arrows follow an audience change: from a segment to everything its members flow into.

By default it works offline from the definition files: no API key, no request. --remote also reads each vendor (like plan, with its key) and adds the campaigns, sequences and mailings with an arrow from each segment they target, and the remote segments no file manages.

Formats: mermaid (default; raw, not fenced: put it in a \`\`\`mermaid block or render it with mermaid-cli), dot (Graphviz: segsync graph --format dot | dot -Tsvg > graph.svg), json (schemas/graph.schema.json). The plan comment draws the same kind of picture for the changes of a plan only.

Exit codes: 0 success, 3 invalid definitions/config, 4 authentication refused (--remote), 5 retries exhausted (--remote), 64 usage error.`
  static override examples = [
    '<%= config.bin %> graph',
    '<%= config.bin %> graph -w production --format dot | dot -Tsvg > segments.svg',
    '<%= config.bin %> graph --remote --format json > graph.json',
  ]
  static override flags = {
    workspace: sharedFlags.workspace,
    'no-code': sharedFlags['no-code'],
    format: Flags.option({options: ['mermaid', 'dot', 'json'] as const, summary: 'Output format.', default: 'mermaid' as const})(),
    remote: Flags.boolean({summary: "Also read the vendor (needs the workspace's API key): campaigns and the segments no file manages.", default: false}),
  }

  async run() {
    const {flags} = await this.parse(Graph)
    const ctx = this.setup(flags)
    const [{prepare, graphs}, {renderGraph}] = await Promise.all([import('../core/pipeline.js'), import('../render/graph.js')])
    const prepared = await prepare({...ctx, online: flags.remote})
    if (prepared.problems.length > 0) throw new InvalidDefinitionsError(prepared.problems)
    const doc = await graphs(ctx, prepared, {remote: flags.remote})
    process.stdout.write(renderGraph(doc, flags.format))
  }
}
