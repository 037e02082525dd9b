/* Generated from schemas/doctor-report.schema.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen:types`. */

/**
 * What `segsync doctor --json` prints: per workspace, read-only checks of the live API against what segsync relies on. Redacted; safe to send us.
 */
export interface DoctorReport {
  /**
   * The segsync version that ran the checks.
   */
  version: string
  workspaces: {
    name: string
    provider: string
    /**
     * API origin, or 'embedded'.
     */
    endpoint: string
    checks: Check[]
  }[]
}
/**
 * This interface was referenced by `DoctorReport`'s JSON-Schema
 * via the `definition` "Check".
 */
export interface Check {
  id: string
  title: string
  /**
   * fail only when segsync relies on what the check tests; optional facts are pass or skip.
   */
  status: 'pass' | 'fail' | 'skip'
  message: string
  /**
   * The vendor document or vendors.md assumption the check tests.
   */
  basis?: string
}
