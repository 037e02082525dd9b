/**
 * The remote state and the definitions each scenario uses, per provider, and the shape of the
 * calls a plan must make (for the network lower bound).
 */
const SEQ_ACTIVE = ['scheduled', 'sending', 'paused', 'waiting_approval']

export const workloads = {
  sequenzy: {
    provider: 'sequenzy',
    keyEnv: 'SEQUENZY_API_KEY',
    key: 'sk_live_bench_0123456789',
    /** The segment list: the one large read of a plan. */
    listPath: '/api/v1/segments',
    authHeader: (key) => ({authorization: `Bearer ${key}`}),
    /**
     * Sequential chain: the campaign list (one per active status, in parallel with the segment
     * list and the sequence list) and then each campaign's detail (list items carry no targeting).
     */
    criticalPath: (active) => 1 + Math.max(1, Math.ceil(active / 4 / 100)),
    /** Fewest calls: segments, one list per active status, one detail per active campaign, sequences. */
    minimumCalls: (active) => 1 + 4 + active + 1,
    /** Those calls, in dependency order, with `get` (path → parsed body); for the minimal reader. */
    async minimalRead(get) {
      const {list, rest} = this.reads(get)
      return (await Promise.all([list, rest]))[0]
    },
    /**
     * The same calls, sent at once: `list` (the segments) resolves as soon as it is in, `rest`
     * once the campaign chain and the sequences are; a client that plans can count the changed
     * segments while campaign details are still on their way, as segsync does.
     */
    reads(get) {
      // Each campaign's detail goes out as soon as the lists are in, while the segment list is still on its way.
      const details = Promise.all(SEQ_ACTIVE.map((s) => get(`/api/v1/campaigns?status=${s}&limit=100&offset=0`))).then((lists) =>
        Promise.all(lists.flatMap((l) => l.campaigns).map((c) => get(`/api/v1/campaigns/${c.id}`))),
      )
      const rest = Promise.all([details, get('/api/v1/sequences')])
      return {list: get('/api/v1/segments').then((l) => l.segments), rest}
    },
    /** A listed segment's body as its definition writes it (server ids dropped, segment ids as `{ $segment }`): the least diff. */
    asDefinition: (segment, nameOf) => ({root: seqDefinition(segment.root, nameOf)}),
    /**
     * `body` equals `asDefinition(segment)` as JSON (lib/least-plan.mjs `sameValue`), read in
     * place: no copy of the tree, as segsync's own `readsAs` does (the copy cost the least plan
     * about 15–20 ms over 5,000 segments).
     */
    sameAs: (segment, body, nameOf, sameValue) => Object.keys(body).every((key) => (key === 'root' ? sameSeqNode(segment.root, body.root, nameOf, sameValue) : body[key] === undefined)),
    /** One member count per changed segment (#17). */
    countPath: (id) => `/api/v1/segments/${id}/count`,
    /** The contract (a `$defs` entry of schemas/sequenzy/responses.schema.json) of the answer at `path`. */
    contractOf: (path) =>
      path.startsWith('/api/v1/segments/') ? 'SegmentCount' : path.startsWith('/api/v1/segments') ? 'SegmentList' : path.startsWith('/api/v1/campaigns/') ? 'CampaignDetail' : path.startsWith('/api/v1/campaigns') ? 'CampaignList' : 'SequenceList',
    seed({segments, campaigns, activeShare = 0.1}) {
      const segs = Array.from({length: segments}, (_, i) => ({id: `seg_${i}`, name: `Segment ${i}`, root: seqRoot(`v${i}`, i % 50 === 49 ? `seg_${i - 1}` : undefined, true)}))
      const activeEvery = Math.round(1 / activeShare)
      const camps = Array.from({length: campaigns}, (_, i) => ({
        id: `cmp_${i}`,
        name: `Campaign ${i}`,
        status: i % activeEvery === 0 ? SEQ_ACTIVE[(i / activeEvery) % SEQ_ACTIVE.length] : 'sent',
        targetLists: {type: 'segment', segmentId: `seg_${(i * 7) % segments}`},
      }))
      return {apiKeys: [this.key], segments: segs, campaigns: camps, sequences: []}
    },
    /** Definition of segment i, its condition changed. */
    definition: (i) => ({name: `Segment ${i}`, root: seqRoot('changed', i % 50 === 49 ? {$segment: `Segment ${i - 1}`} : undefined, false)}),
    /** Definition of segment i as the vendor holds it (no change). */
    unchanged: (i) => ({name: `Segment ${i}`, root: seqRoot(`v${i}`, i % 50 === 49 ? {$segment: `Segment ${i - 1}`} : undefined, false)}),
  },
  mailglyph: {
    provider: 'mailglyph',
    keyEnv: 'MAILGLYPH_API_KEY',
    key: 'sk_bench_0123456789',
    listPath: '/segments',
    authHeader: (key) => ({authorization: `Bearer ${key}`}),
    /** Campaign lists carry segmentId: one round of calls, all in parallel. */
    criticalPath: (active) => Math.max(1, Math.ceil(active / 2 / 100)),
    /** Segments, and one list per status read (SCHEDULED, SENDING, DRAFT). */
    minimumCalls: () => 1 + 3,
    async minimalRead(get) {
      const {list, rest} = this.reads(get)
      return (await Promise.all([list, rest]))[0]
    },
    /** The same calls: `list` resolves as soon as the segments are in, `rest` once the campaign pages are. */
    reads(get) {
      const list = get('/segments')
      return {list, rest: Promise.all(['SCHEDULED', 'SENDING', 'DRAFT'].map((s) => get(`/campaigns?status=${s}&page=1&pageSize=100`)))}
    },
    asDefinition: (segment) => segment,
    /** Member counts come with the list. */
    countPath: undefined,
    /** The contract (a `$defs` entry of schemas/mailglyph/responses.schema.json) of the answer at `path`. */
    contractOf: (path) => (path.startsWith('/segments') ? 'SegmentList' : 'CampaignPage'),
    seed({segments, campaigns, activeShare = 0.1}) {
      const segs = Array.from({length: segments}, (_, i) => ({id: `seg_${i}`, name: `Segment ${i}`, description: null, trackMembership: false, condition: mgCondition(`v${i}`)}))
      const activeEvery = Math.round(1 / activeShare)
      const camps = Array.from({length: campaigns}, (_, i) => ({
        id: `cmp_${i}`,
        name: `Campaign ${i}`,
        audienceType: 'SEGMENT',
        segmentId: `seg_${(i * 7) % segments}`,
        status: i % activeEvery === 0 ? ((i / activeEvery) % 2 ? 'SENDING' : 'SCHEDULED') : i % 20 === 1 ? 'DRAFT' : 'SENT',
      }))
      return {apiKeys: [this.key], segments: segs, campaigns: camps}
    },
    definition: (i) => ({name: `Segment ${i}`, condition: mgCondition('changed')}),
    unchanged: (i) => ({name: `Segment ${i}`, condition: mgCondition(`v${i}`)}),
  },
}

/** `sameValue(seqDefinition(node, nameOf), wanted)`, without building the copy. */
function sameSeqNode(node, wanted, nameOf, sameValue) {
  if (Array.isArray(node)) {
    if (!Array.isArray(wanted) || node.length !== wanted.length) return false
    for (let i = 0; i < node.length; i++) if (!sameSeqNode(node[i], wanted[i], nameOf, sameValue)) return false
    return true
  }
  if (!node || typeof node !== 'object') return node === wanted
  if (!wanted || typeof wanted !== 'object' || Array.isArray(wanted)) return false
  const reference = node.field === 'segment' && typeof node.value === 'string'
  let members = 0
  for (const key in node) {
    if (key === 'id' || node[key] === undefined) continue
    members++
    const same = reference && key === 'value' ? sameValue({$segment: nameOf(node.value)}, wanted.value) : sameSeqNode(node[key], wanted[key], nameOf, sameValue)
    if (!same) return false
  }
  for (const key in wanted) if (wanted[key] !== undefined) members--
  return members === 0
}

/** A Sequenzy tree without its server-added ids, segment ids as `{ $segment: name }`. */
function seqDefinition(node, nameOf) {
  if (Array.isArray(node)) return node.map((n) => seqDefinition(n, nameOf))
  if (!node || typeof node !== 'object') return node
  const out = {}
  for (const key in node) if (key !== 'id') out[key] = seqDefinition(node[key], nameOf)
  if (out.field === 'segment' && typeof out.value === 'string') out.value = {$segment: nameOf(out.value)}
  return out
}

function seqRoot(value, ref, withIds) {
  const children = [
    {kind: 'filter', ...(withIds ? {id: 'f1'} : {}), field: 'status', operator: 'is', value},
    {kind: 'filter', ...(withIds ? {id: 'f2'} : {}), field: 'event', operator: 'at_least', value: 'app.open:3:30d'},
  ]
  if (ref) children.push({kind: 'filter', ...(withIds ? {id: 'f3'} : {}), field: 'segment', operator: 'is', value: ref})
  return {kind: 'group', ...(withIds ? {id: 'root'} : {}), joinOperator: 'and', children}
}

function mgCondition(value) {
  return {logic: 'AND', groups: [{filters: [{field: 'data.tier', operator: 'equals', value}, {field: 'event.login', operator: 'triggeredWithin', value: 30, unit: 'days'}]}]}
}
