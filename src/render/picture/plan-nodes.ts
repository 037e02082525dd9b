/**
 * The nodes of the plan's impact picture that stand for changes: the segment's name, what happens
 * to it (⛔ when blocked) and its audience in people.
 */
import type {Change} from '../../generated/plan.js'
import {swing} from '../audience.js'
import {isBlocked} from '../markdown/order.js'
import {shorten, type PictureBuilder} from './picture.js'
import {countText, groupDigits} from '../../util/numbers.js'

/** Names longer than this are shortened in the comment's picture (the text below has them whole). */
export const NAME_LENGTH = 60

/** Changes by the name the vendor has now (references and `via` chains use it) and by their own. */
export function changeNames(changes: Change[]): Map<string, Change> {
  const out = new Map<string, Change>()
  for (const change of changes) {
    out.set(change.name, change)
    if (change.action === 'update' && change.previousName) out.set(change.previousName, change)
  }
  return out
}

/** The node of a change (added the first time), with `extra` label lines. */
export function changeNode(b: PictureBuilder, change: Change, extra: string[] = []): string {
  return b.node(`change:${change.name}`, 's', () => ({lines: [shorten(change.name, NAME_LENGTH), changeLine(change), ...extra], kind: isBlocked(change) ? 'blocked' : 'change'}))
}

/** "⛔ update · 👥 12,400 → 3,100 (−75%)". */
function changeLine(change: Change): string {
  const what = `${isBlocked(change) ? '⛔ ' : ''}${change.action === 'delete' && change.manual ? 'delete (manual step)' : change.action}`
  const people = audienceBadge(change)
  return people ? `${what} · 👥 ${people}` : what
}

/** The audience on a node: "12,400 → 3,100 (−75%)", "12,400 now", "unknown → 0"; undefined when nothing is known. */
export function audienceBadge(change: Change): string | undefined {
  const {current, proposed, capped} = change.audience
  const n = (value: number) => countText(value, capped)
  if (current !== null && proposed !== null) return `${n(current)} → ${n(proposed)}${swing(current, proposed, capped)}`
  if (current !== null) return `${n(current)} now`
  if (proposed !== null) return change.action === 'create' ? n(proposed) : `unknown → ${n(proposed)}`
  return undefined
}

export function count(n: number, noun: string): string {
  return `${groupDigits(n)} ${noun}${n === 1 ? '' : 's'}`
}
