/**
 * Saved plans (`plan --out`, `apply PLANFILE`). Before its first write, apply re-reads the vendor
 * and refuses (exit 7) when anything the plan was made against changed: the definitions, a touched
 * segment (fingerprint of its normalised body), whether a segment to create now exists, or the set
 * of active campaigns using a touched segment. Terraform compares state serials only; an edit made
 * in the vendor UI is what we must catch (anchors-reliability.md §2).
 */
import {readFile} from 'node:fs/promises'
import {StalePlanError, UsageError} from '../../errors.js'
import type {Change, PlanDocument} from '../../generated/plan.js'
import {schemaPath} from '../../util/package-root.js'
import {diffFields} from '../diff/field-diff.js'
import {schemaValidator} from '../validate/schema.js'
import {PLAN_FORMAT} from '../plan/build-plan.js'

export async function readSavedPlan(file: string): Promise<PlanDocument> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch {
    throw new UsageError(`cannot read the plan file ${file}`, 'Create one with: segsync plan --out plan.json')
  }
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new UsageError(`${file} is not a segsync plan (not JSON)`)
  }
  const version = (value as {formatVersion?: unknown})?.formatVersion
  if (version !== PLAN_FORMAT) {
    throw new StalePlanError(`${file} has plan format ${JSON.stringify(version)}; this segsync reads format ${PLAN_FORMAT}`, 'Make the plan again with this version of segsync.')
  }
  const issues = schemaValidator(schemaPath('plan.schema.json')).validate(value)
  if (issues.length > 0) {
    throw new UsageError(`${file} is not a valid segsync plan: ${issues.slice(0, 3).map((i) => `/${i.path.join('/')} ${i.message}`).join('; ')}`)
  }
  return value as PlanDocument
}

export interface Staleness {
  /** Whether the remote already matches what the plan would have done (the plan was applied). */
  alreadyApplied: boolean
  reasons: string[]
}

export function compareWithSaved(saved: PlanDocument, fresh: PlanDocument): Staleness {
  const reasons: string[] = []
  if (saved.definitionsHash !== fresh.definitionsHash) {
    reasons.push('the definition files changed since the plan was made')
  }
  const freshWs = new Map(fresh.workspaces.map((w) => [w.name, w]))
  for (const ws of saved.workspaces) {
    const now = freshWs.get(ws.name)
    if (!now) {
      reasons.push(`workspace ${ws.name} is not selected or no longer in the config`)
      continue
    }
    if (now.provider !== ws.provider || now.endpoint !== ws.endpoint) {
      reasons.push(`workspace ${ws.name} now points at ${now.provider} ${now.endpoint} (the plan was made for ${ws.provider} ${ws.endpoint})`)
      continue
    }
    const nowByName = new Map(now.changes.map((c) => [c.name, c]))
    for (const change of ws.changes) reasons.push(...changeReasons(ws.name, change, nowByName.get(change.name)))
    const planned = new Set(ws.changes.map((c) => c.name))
    for (const extra of now.changes.filter((c) => !planned.has(c.name))) {
      reasons.push(`${ws.name}: ${JSON.stringify(extra.name)} now needs a ${extra.action} the plan does not contain`)
    }
  }
  for (const ws of fresh.workspaces) {
    if (!saved.workspaces.some((w) => w.name === ws.name) && ws.changes.length > 0) {
      reasons.push(`workspace ${ws.name} has changes but is not in the plan`)
    }
  }
  const definitionsSame = saved.definitionsHash === fresh.definitionsHash
  const alreadyApplied = definitionsSame && fresh.workspaces.every((w) => w.changes.length === 0) && saved.workspaces.some((w) => w.changes.length > 0)
  return {alreadyApplied, reasons}
}

function changeReasons(ws: string, saved: Change, now: Change | undefined): string[] {
  const label = `${ws}: ${JSON.stringify(saved.name)}`
  // Nothing to do for it any more: someone (or an earlier apply of this plan) already did it.
  if (!now) return [`${label}: already matches the definition (changed outside this plan)`]
  if (now.action !== saved.action) {
    if (saved.action === 'create' && now.action !== 'create') return [`${label}: a segment with this name now exists in the vendor (${now.id}); the plan wanted to create it`]
    if (now.action === 'create' && saved.action !== 'create') return [`${label} (${saved.id}) was deleted in the vendor since the plan`]
    return [`${label}: the plan wanted to ${saved.action} it, now it needs a ${now.action}`]
  }
  const reasons: string[] = []
  if (saved.action === 'create' || now.action === 'create') return reasons
  if (saved.id !== now.id) reasons.push(`${label} is now a different remote segment (${saved.id} → ${now.id})`)
  else if (saved.fingerprint !== now.fingerprint) {
    const edits = diffFields(saved.before, now.before).map((f) => f.path)
    reasons.push(`${label} (${saved.id}) was edited in the vendor since the plan${edits.length ? `: ${edits.slice(0, 5).join(', ')}${edits.length > 5 ? ', …' : ''}` : ''} (to keep that edit, segsync pull writes it into the definition file)`)
  }
  const ids = (c: Change) => new Set(c.impact.campaigns.filter((k) => k.active).map((k) => `${k.kind} ${JSON.stringify(k.name)} (${k.id})`))
  const before = ids(saved)
  const after = ids(now)
  const added = [...after].filter((k) => !before.has(k))
  const removed = [...before].filter((k) => !after.has(k))
  if (added.length || removed.length) {
    reasons.push(`${label}: the active campaigns using it changed${added.length ? `; now also ${added.join(', ')}` : ''}${removed.length ? `; no longer ${removed.join(', ')}` : ''}`)
  }
  return reasons
}
