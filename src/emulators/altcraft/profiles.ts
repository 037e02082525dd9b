/**
 * Who is in a segment, for the `count` of segments/get (vendors.md §5.3). Altcraft does not
 * publish its query vocabulary (§5.4), so no evaluator can tell which profiles a query selects:
 * the emulator counts the seeded profiles of the segment's database, then applies what the blocks
 * document, the `percent_from`/`percent_to` sample and the `limit`. Each choice is in
 * assumptions.ts (`count`).
 */
import {assumptions} from './assumptions.js'
import type {AltcraftState, StoredBlock, StoredSegment} from './state.js'

export function memberCount(state: AltcraftState, segment: StoredSegment): number {
  // Static segments have no rules: their members were added by hand, and say so.
  if (segment.segment.length === 0) return state.profiles.filter((p) => p.list_id === segment.list_id && (p.segments ?? []).includes(segment.id)).length
  const members = new Set<number>()
  for (const block of segment.segment) for (const id of selected(state, block)) members.add(id)
  return members.size
}

/** The profiles one block selects: its database in id order, the sample, then the limit. */
function selected(state: AltcraftState, block: StoredBlock): number[] {
  const database = state.profiles.filter((p) => p.list_id === block.list_id).map((p) => p.id).sort((a, b) => a - b)
  const sample = assumptions.count.sample(database.length, block.percent_from, block.percent_to)
  const chosen = database.slice(sample.start, sample.end)
  return block.limit > 0 ? chosen.slice(0, block.limit) : chosen
}
