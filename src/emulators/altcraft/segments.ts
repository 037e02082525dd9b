/**
 * segments/list, get, add, update and delete (vendors.md §5.3; seed 004 is the update page).
 */
import {assumptions} from './assumptions.js'
import {ApiError} from './errors.js'
import {keysetPage, matchesFilters} from './paging.js'
import {bool, ints, requiredInt, requiredName, strings, type Params} from './params.js'
import {memberCount} from './profiles.js'
import {checkDatabase, hasRules, parseRules} from './rules.js'
import type {AltcraftState, StoredSegment} from './state.js'

export interface Answer {
  data?: unknown
  extra?: Record<string, unknown>
}

const bad = (message: string) => new ApiError(assumptions.codes.badRequest, message)

export function listSegments(state: AltcraftState, p: Params): Answer {
  const filters = {ui_tags: strings(p, 'ui_tags'), groups: strings(p, 'groups'), groups_id: ints(p, 'groups_id')}
  const {page, extra} = keysetPage(state.segments.filter((s) => matchesFilters(s, filters)), p)
  // List items carry no rules and no type flags; note the capitalised Groups/Id/Name (list example).
  const data = page.map((s) => ({id: s.id, name: s.name, ui_tags: [...s.ui_tags], Groups: s.groups.map((g) => ({Id: g.id, Name: g.name}))}))
  return {data, extra}
}

export function getSegment(state: AltcraftState, p: Params): Answer {
  const s = find(state, requiredInt(p, 'id'))
  const flags = state.getIncludesTypeFlags ? {list_id: s.list_id, is_static: s.is_static, is_refresh_daily: s.is_refresh_daily} : {}
  return {data: {count: memberCount(state, s), id: s.id, name: s.name, ...flags, segment: structuredClone(s.segment)}}
}

export function addSegment(state: AltcraftState, p: Params): Answer {
  const name = requiredName(p)
  nameFree(state, name)
  const isStatic = bool(p, 'is_static') ?? false
  const refresh = bool(p, 'is_refresh_daily') ?? false
  if (!isStatic && !hasRules(p)) throw bad('segment is required for dynamic segments')
  // "When creating a static segment with the is_refresh_daily flag set to true, the presence of segmentation rules in the segment field is required."
  if (isStatic && refresh && !hasRules(p)) throw bad('segment is required for updatable segments (is_refresh_daily: true)')
  const rules = hasRules(p) ? parseRules(p, state.databases) : staticDatabase(p, state)
  const segment: StoredSegment = {
    id: state.nextSegmentId++,
    name,
    list_id: rules.listId,
    is_static: isStatic,
    is_refresh_daily: isStatic || !assumptions.refreshOnlyForStatic ? refresh : false,
    segment: rules.blocks,
    ui_tags: [],
    groups: [...assumptions.defaultGroups],
  }
  state.segments.push(segment)
  return {data: {saved_id: segment.id}}
}

export function updateSegment(state: AltcraftState, p: Params): Answer {
  const segment = find(state, requiredInt(p, 'id'))
  const name = requiredName(p)
  nameFree(state, name, segment.id)
  const keep = assumptions.updateKeepsOmittedFlags
  const isStatic = bool(p, 'is_static') ?? (keep ? segment.is_static : false)
  const refresh = bool(p, 'is_refresh_daily') ?? (keep ? segment.is_refresh_daily : false)
  if (!hasRules(p)) {
    // "When updating a dynamic segment, the presence of segmentation rules in the segment field is required." (seed 004)
    if (!isStatic) throw bad('segment is required when updating a dynamic segment')
    if (assumptions.updateNeedsRulesWhenSegmentHasThem && segment.segment.length > 0) throw bad('segment is required when updating an updatable segment')
  }
  const rules = hasRules(p) ? parseRules(p, state.databases) : staticDatabase(p, state)
  // "When updating segmentation conditions, the specified profile database cannot be changed" (seed 004).
  if (rules.listId !== segment.list_id) throw bad(`the profile database of a segment cannot be changed (segment ${segment.id} uses list_id ${segment.list_id}, got ${rules.listId})`)
  segment.name = name
  segment.is_static = isStatic
  segment.is_refresh_daily = isStatic || !assumptions.refreshOnlyForStatic ? refresh : false
  segment.segment = rules.blocks
  return {data: {saved_id: segment.id}}
}

export function deleteSegment(state: AltcraftState, p: Params): Answer {
  const segment = find(state, requiredInt(p, 'id'))
  const user = state.campaigns.find((m) => m.is_active && !m.is_completed && m.data_type === 'segment' && m.data_id === segment.id)
  if (!assumptions.deleteUsedSegment && user) throw bad(`segment ${segment.id} is used by the active mailing ${user.id}`)
  state.segments = state.segments.filter((s) => s !== segment)
  return assumptions.deleteAnswersData ? {data: {deleted_id: segment.id}} : {}
}

/** Static segments name their database at the top level ("Required for static segments"). */
function staticDatabase(p: Params, state: AltcraftState) {
  const listId = requiredInt(p, 'list_id', 'list_id (required for static segments)')
  checkDatabase(listId, state.databases)
  return {blocks: [], listId}
}

function nameFree(state: AltcraftState, name: string, self?: number): void {
  if (assumptions.uniqueNames && state.segments.some((s) => s.name === name && s.id !== self)) throw bad(`a segment named ${JSON.stringify(name)} already exists`)
}

function find(state: AltcraftState, id: number): StoredSegment {
  const segment = state.segments.find((s) => s.id === id)
  if (!segment) throw new ApiError(assumptions.codes.notFound, `Segment ${id} not found`)
  return segment
}
