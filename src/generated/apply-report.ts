/* Generated from schemas/apply-report.schema.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen:types`. */

/**
 * What `segsync apply --json` returns: every planned change as applied, failed, not attempted or manual.
 */
export interface ApplyReport {
  /**
   * 2: outcomes may be 'uncertain' and the summary counts them.
   */
  formatVersion: 2
  segsyncVersion: string
  /**
   * no-changes: nothing to do; applied: every change made; partial: some made, some failed, uncertain or not attempted (exit 8); failed: nothing made; interrupted: stopped by a signal.
   */
  status: 'no-changes' | 'applied' | 'partial' | 'failed' | 'interrupted'
  summary: {
    applied: number
    failed: number
    /**
     * Writes the vendor answered outside its contract: re-read, and reported with what the re-read found.
     */
    uncertain: number
    notAttempted: number
    manual: number
  }
  workspaces: {
    name: string
    provider: string
    outcomes: Outcome[]
  }[]
}
/**
 * This interface was referenced by `ApplyReport`'s JSON-Schema
 * via the `definition` "Outcome".
 */
export interface Outcome {
  action: 'create' | 'update' | 'delete'
  name: string
  id?: string
  status: 'applied' | 'failed' | 'uncertain' | 'not-attempted' | 'manual'
  message?: string
}
