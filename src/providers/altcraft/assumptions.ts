/**
 * The adapter's docs-silent choices, kept here so each is one line to change when the page turns
 * up. First (vendors.md §5.3): the "Delete segment" page exists in Altcraft's docs but its content
 * was not found, so delete follows the naming of add/update/get/list.
 */
export const segmentDelete = {
  /** POST /api/v1.1/segments/delete/ with {token, id} → {error: 0, error_text}. */
  method: 'segments/delete',
} as const

/**
 * "Not found" is error 404: the docs' response-code table is cut off after 403 (vendors.md §5.2).
 * It is never trusted alone: a get or delete answered so is checked against the list (listed.ts,
 * client.ts), and `segsync doctor` shows how this account answers it.
 */
export const NOT_FOUND = 404
