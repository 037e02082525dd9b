/**
 * Mailings ("campaigns" before v74, still under /api/v1.1/campaigns/): list, get and get_status
 * (vendors.md §5.6). List items carry no audience; `get` has `data_type` + `data_id`.
 */
import {assumptions} from './assumptions.js'
import {ApiError} from './errors.js'
import {keysetPage, matchesFilters} from './paging.js'
import {bool, ints, requiredInt, strings, type Params} from './params.js'
import type {Answer} from './segments.js'
import type {AltcraftState, StoredMailing} from './state.js'

export function listMailings(state: AltcraftState, p: Params): Answer {
  const type = p.type
  if (type !== undefined && typeof type !== 'string') throw new ApiError(assumptions.codes.badRequest, 'type must be a string')
  const active = bool(p, 'is_active')
  const filters = {ui_tags: strings(p, 'ui_tags'), groups: strings(p, 'groups'), groups_id: ints(p, 'groups_id')}
  const matching = state.campaigns.filter((m) => (type === undefined || m.type === type) && (active === undefined || m.is_active === active) && matchesFilters(m, filters))
  const {page, extra} = keysetPage(matching, p)
  const data = page.map((m) => ({id: m.id, name: m.name, type: m.type, is_active: m.is_active, subid: m.subid, for_confirm: m.for_confirm, ui_tags: [...m.ui_tags], groups: m.groups.map((g) => ({...g}))}))
  return {data, extra}
}

export function getMailing(state: AltcraftState, p: Params): Answer {
  return {data: structuredClone(find(state, requiredInt(p, 'id')))}
}

/** "Retrieves a mailing status — whether it is active or inactive". */
export function getMailingStatus(state: AltcraftState, p: Params): Answer {
  const m = find(state, requiredInt(p, 'id'))
  return {data: {is_active: m.is_active, is_completed: m.is_completed, status: m.status}}
}

function find(state: AltcraftState, id: number): StoredMailing {
  const mailing = state.campaigns.find((m) => m.id === id)
  if (!mailing) throw new ApiError(assumptions.codes.notFound, `Mailing ${id} not found`)
  return mailing
}
