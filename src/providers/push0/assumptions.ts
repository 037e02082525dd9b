/**
 * The adapter's docs-silent choices for Push0 (vendors.md §4), in one place so each is one line to
 * change when we learn more. `segsync doctor` tests those a read can test (doctor.ts).
 */

/**
 * Create and update say `/v1/segments` under "API url -> https://api.push0.com/v1"; the list page
 * says `/api/v1/segments`. segsync uses `/v1/segments` for all three (vendors.md §4.3 ASSUMPTION);
 * doctor reports whether the list page's path answers too.
 */
export const SEGMENTS = '/v1/segments'
export const LIST_PAGE_PATH = '/api/v1/segments'

/**
 * What an id looks like: `seg_jfeZ4NrGegjV9` (update page) and `sg_wsviVjvLoorS5GKOZpznH` (list
 * page) are a lower-case prefix, an underscore, then url-safe characters. The docs only call ids
 * strings, but a write "Returns segment id or error message" with status 200, so this shape is what
 * tells an id from "Forbidden" or "No message". Kept equal to `SegmentId` in
 * schemas/push0/responses.schema.json (a test checks); doctor checks the account's own ids.
 */
export const ID_SHAPE = /^[a-z]+_[A-Za-z0-9_-]+$/

/*
 * Write answers other than an id (not a constant: the rule lives in client.ts and confirm.ts).
 * A create answered with anything that is not id-shaped may or may not have landed: it is
 * uncertain, and apply re-reads by name. An update answered with anything but the id it was sent
 * (empty, "No message", another id: the update page's own example answers `seg_jfe34NrGegjL3` to a
 * request for `seg_jfeZ4NrGegjV9`) is confirmed by re-reading that segment through the list's
 * `?id=` ("If provided - returns single list element"): landed → applied, unchanged → failed,
 * anything else → uncertain.
 */
