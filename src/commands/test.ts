import {BaseCommand, sharedFlags} from '../cli/base-command.js'
import {InvalidDefinitionsError} from '../errors.js'

export default class Test extends BaseCommand {
  static override summary = 'Run segment unit tests offline: who is in each segment, for fixture profiles.'
  static override description = `Reads every *.segtest.json and *.segtest.ts under each workspace's segments folder. A test file lists fixture profiles (shaped like what the vendor's conditions read: schemas/<provider>/profile.schema.json) and expectations: which profiles are members of a segment and which are not. Each expectation is evaluated by segsync's evaluator of the vendor's condition language, with no key and no network; references to other segments are evaluated through their definitions.

  {"now": "2026-11-30T12:00:00Z",
   "profiles": [{"id": "alice", "status": "active", "tags": ["vip"]}, {"id": "bob", "status": "unsubscribed", "tags": []}],
   "expect": [{"segment": "VIP subscribers", "members": ["alice"], "nonMembers": ["bob"]}]}

"now" (optional) is the clock for relative times such as "within 30 days". A failure shows the profile, what was expected, and the condition tree with the value each condition had for it, e.g. bob: expected not a member, but is: AND(status is active ✓, tag contains vip ✓). A condition that cannot be decided offline (a field a profile cannot carry, such as Stripe data) is never guessed: the expectation is skipped and says which field. Altcraft segments are not evaluated (its query vocabulary is not published): their expectations are skipped.

In GitHub Actions (GITHUB_ACTIONS=true) each failure is also an ::error annotation at the test file and line.

Exit codes: 0 nothing failed, 1 an expectation failed, 3 an invalid test file (unknown segment or profile id, bad profile shape) or invalid definitions.`
  static override examples = ['<%= config.bin %> test', '<%= config.bin %> test -w production --json']
  static override enableJsonFlag = true
  static override flags = {workspace: sharedFlags.workspace, 'no-code': sharedFlags['no-code']}

  async run() {
    const {flags} = await this.parse(Test)
    const ctx = this.setup(flags)
    const [{prepare}, {segmentTestReport}, {renderSegmentTests, segmentTestAnnotations}] = await Promise.all([import('../core/prepare.js'), import('../core/segtest/report.js'), import('../render/segtest-text.js')])
    const prepared = await prepare({...ctx, tests: true})
    const problems = [...prepared.problems, ...prepared.testProblems]
    if (problems.length > 0) throw new InvalidDefinitionsError(problems)
    const report = segmentTestReport(prepared)
    if (!this.jsonEnabled()) process.stdout.write(renderSegmentTests(report, this.c))
    if (process.env.GITHUB_ACTIONS === 'true') {
      const [{formatAnnotation}, {pathPrefix}] = await Promise.all([import('../render/github.js'), import('../github/publish.js')])
      const lines = segmentTestAnnotations(report, pathPrefix(process.env.GITHUB_WORKSPACE, ctx.cwd)).map(formatAnnotation)
      if (lines.length) (this.jsonEnabled() ? process.stderr : process.stdout).write(lines.join('\n') + '\n')
    }
    if (report.summary.failed > 0) process.exitCode = 1
    return report
  }
}
