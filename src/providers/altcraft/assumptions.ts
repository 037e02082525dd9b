/**
 * The adapter's one docs-silent choice (vendors.md §5.3): the "Delete segment" page exists in
 * Altcraft's docs but its content was not found, so delete follows the naming of add/update/get/
 * list. Kept here so it is one line to change when the page turns up.
 */
export const segmentDelete = {
  /** POST /api/v1.1/segments/delete/ with {token, id} → {error: 0, error_text}. */
  method: 'segments/delete',
} as const
