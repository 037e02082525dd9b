/* Generated from schemas/pull-report.schema.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen:types`. */

/**
 * What `segsync pull --json` returns: every managed definition file (and every remote segment no file manages) with what pull did to it. Versioned by `version`.
 */
export interface PullReport {
  /**
   * The report's format. A new optional field keeps it; anything else changes it.
   */
  version: 1
  segsyncVersion: string
  /**
   * true: nothing was written; `updated` means the file would change.
   */
  dryRun: boolean
  summary: {
    updated: number
    unchanged: number
    skipped: number
    refused: number
  }
  files: PulledFile[]
}
/**
 * This interface was referenced by `PullReport`'s JSON-Schema
 * via the `definition` "PulledFile".
 */
export interface PulledFile {
  workspace: string
  /**
   * The definition file, relative to the working directory; null for a remote segment no file manages (unmanaged or read-only).
   */
  file: string | null
  /**
   * The segment's name after the pull.
   */
  segment: string
  /**
   * The segment's remote id, when the vendor has it.
   */
  id?: string
  /**
   * updated: the file was rewritten (with dryRun: would be); unchanged: it already says what the vendor has; skipped: left alone on purpose (reason says why: unmanaged, ensure: 'absent', deleted in the vendor, read-only); refused: it should change but cannot be rewritten faithfully (a TS body computed in code), so it was not written and pull exits 1.
   */
  status: 'updated' | 'unchanged' | 'skipped' | 'refused'
  reason?: string
  /**
   * The name the file had, when the segment was renamed in the vendor (the file keeps it in renamedFrom).
   */
  previousName?: string
  /**
   * What changes in the file, in the plan's words.
   */
  changes?: FileChange[]
  /**
   * For a refused file: the definition it would hold, to copy by hand.
   */
  proposed?: string
}
/**
 * This interface was referenced by `PullReport`'s JSON-Schema
 * via the `definition` "FileChange".
 */
export interface FileChange {
  path: string
  kind: 'add' | 'remove' | 'change'
  text: string
}
