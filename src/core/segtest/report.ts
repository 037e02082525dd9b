/** The segment test report (schemas/segtest-report.schema.json) of every selected workspace. */
import type {SegmentTestReport} from '../../generated/segtest-report.js'
import {packageVersion} from '../../util/package-root.js'
import type {Prepared} from '../prepare.js'
import {runTests} from './run-tests.js'

export function segmentTestReport(prepared: Prepared, now?: () => Date): SegmentTestReport {
  const results = prepared.workspaces.flatMap((pw) => runTests(pw.workspace.name, pw.provider, pw.definitions, pw.tests, now))
  const count = (f: (r: (typeof results)[number]) => boolean) => results.filter(f).length
  return {
    version: packageVersion(),
    summary: {passed: count((r) => r.actual === r.expected), failed: count((r) => r.actual !== 'skipped' && r.actual !== r.expected), skipped: count((r) => r.actual === 'skipped')},
    results,
  }
}
