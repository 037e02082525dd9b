/* Generated from schemas/segtest-report.schema.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen:types`. */

/**
 * What `segsync test --json` prints: every expectation of every segment test file, for each profile it names, evaluated offline.
 */
export interface SegmentTestReport {
  /**
   * The segsync version that ran the tests.
   */
  version: string
  summary: {
    passed: number
    failed: number
    /**
     * Expectations the evaluator could not decide offline (a field a profile cannot carry), or a vendor whose segments cannot be evaluated (Altcraft).
     */
    skipped: number
  }
  results: Result[]
}
/**
 * This interface was referenced by `SegmentTestReport`'s JSON-Schema
 * via the `definition` "Result".
 */
export interface Result {
  workspace: string
  /**
   * The test file, relative to the working directory.
   */
  file: string
  /**
   * The line of the profile id in the expectation.
   */
  line?: number
  segment: string
  profile: string
  expected: 'member' | 'nonMember'
  actual: 'member' | 'nonMember' | 'skipped'
  /**
   * The condition tree with the value each condition had for the profile (✓ ✗ ?), or why the result was skipped.
   */
  explanation: string
}
