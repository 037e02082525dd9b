/** Plan documents built in memory, for the renderers' tests (they read nothing else). */
import type {AffectedCampaign, Change, CreateChange, DeleteChange, FieldChange, PlanDocument, Risk, UpdateChange, WorkspacePlan} from '../../src/generated/plan.js'
import {PLAN_FORMAT, summarize} from '../../src/core/plan/build-plan.js'

export function change(action: 'create', name: string, extra?: Partial<CreateChange>): CreateChange
export function change(action: 'update', name: string, extra?: Partial<UpdateChange>): UpdateChange
export function change(action: 'delete', name: string, extra?: Partial<DeleteChange>): DeleteChange
export function change(action: Change['action'], name: string, extra: Partial<Change> = {}): Change {
  const base = {
    name,
    source: {file: `segments/${name.toLowerCase().replace(/\W+/g, '-')}.json`, line: 3, column: 11},
    fields: [],
    dependsOn: [],
    impact: {usage: action === 'create' ? 'none' : 'known', audience: action !== 'create', campaigns: []} satisfies Change['impact'],
    audience: {current: null, proposed: action === 'delete' ? 0 : null, source: 'not exposed by Sequenzy'} satisfies Change['audience'],
    risks: [],
  }
  const id = `seg_${name.toLowerCase().replace(/\W+/g, '_')}`
  if (action === 'create') return {...base, action, after: {}, ...(extra as Partial<CreateChange>)}
  if (action === 'update') return {...base, action, id, changed: ['root'], after: {}, before: {}, afterNormalized: {}, fingerprint: 'sha256:0', ...(extra as Partial<UpdateChange>)}
  return {...base, action, id, reason: 'ensure-absent', before: {}, fingerprint: 'sha256:0', ...(extra as Partial<DeleteChange>)}
}

export function field(text: string, extra: Partial<FieldChange> = {}): FieldChange {
  return {path: 'root.children[x]', kind: 'add', text, ...extra}
}

export function campaign(name: string, extra: Partial<AffectedCampaign> = {}): AffectedCampaign {
  return {kind: 'campaign', id: `cmp_${name.toLowerCase().replace(/\W+/g, '_')}`, name, status: 'scheduled', active: true, via: [], ...extra}
}

export const blockedByCampaigns = (names: string[]): Risk => ({
  rule: 'campaign-impact',
  level: 'block',
  message: `changes the audience of ${names.length} active campaign${names.length === 1 ? '' : 's'} (${names.map((n) => JSON.stringify(n)).join(', ')})`,
  allowFlag: '--allow-campaign-impact',
})

export const blockedDelete = (name: string): Risk => ({rule: 'delete', level: 'block', message: `deletes ${JSON.stringify(name)}: its definition says ensure: 'absent'`, allowFlag: '--allow-delete'})

export function workspace(name: string, changes: Change[], extra: Partial<WorkspacePlan> = {}): WorkspacePlan {
  const ws = {name, provider: 'sequenzy', vendor: 'Sequenzy', endpoint: 'https://api.sequenzy.com', usage: {known: true, campaignsRead: 3}, changes, unchanged: [], unmanaged: [], readOnly: [], ...extra}
  return {...ws, summary: summarize([ws])}
}

export function planOf(...workspaces: WorkspacePlan[]): PlanDocument {
  return {formatVersion: PLAN_FORMAT, segsyncVersion: '0.1.0', createdAt: '2026-01-01T00:00:00.000Z', definitionsHash: 'sha256:0', summary: summarize(workspaces), workspaces}
}

/**
 * The plan of the repository's demo, reduced: an update that changes the audience of campaigns
 * (directly and through another segment), a create, and a blocked delete.
 */
export function demoPlan(): PlanDocument {
  return planOf(
    workspace('production', [
      change('update', 'Active non-buyers', {
        fields: [field('adds filter `event is_not saas.purchase:30d`', {after: {field: 'event', operator: 'is_not', value: 'saas.purchase:30d'}}), field('join changes from and to or', {path: 'root.joinOperator', kind: 'change', before: 'and', after: 'or'})],
        impact: {usage: 'known', audience: true, campaigns: [campaign('Spring sale'), campaign('Onboarding', {kind: 'sequence', status: 'live', via: ['Win-back audience']})]},
        risks: [blockedByCampaigns(['Spring sale', 'Onboarding'])],
      }),
      change('create', 'Paying customers', {source: {file: 'segments/paying-customers.ts'}, fields: [field('adds filter `stripeCurrentProduct is prod_pro`')]}),
      change('delete', 'Legacy readers', {reason: 'ensure-absent', risks: [blockedDelete('Legacy readers')]}),
    ], {unmanaged: [{id: 'seg_winback', name: 'Win-back audience'}], unchanged: ['VIP']}),
  )
}
