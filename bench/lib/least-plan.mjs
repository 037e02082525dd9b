/**
 * What the least client that plans does with the vendor's answers, shared by the baselines
 * (baseline-managed.mjs for one workspace, baseline-workspaces.mjs for many):
 *   - `leastPlan`: each definition compared with its segment as read (server ids dropped, values
 *     compared in place, no normalising; a Sequenzy tree read without a copy, workloads.mjs
 *     `sameAs`), one member count per changed segment where the vendor
 *     counts separately (#17), asked for as the compare finds it, the names changed and
 *     unchanged. No impact, no document.
 *   - `checkedGet`: the same reads, each answer held to its contract first, as segsync's rule for
 *     vendor answers requires (schemas/<vendor>/responses.schema.json, through the validators
 *     `npm run build` precompiles into dist/validators/). No mapping, no error bodies, no retries.
 */
import {createRequire} from 'node:module'

const require = createRequire(import.meta.url)

/** `get` with every answer checked against the contract `workload.contractOf(path)` names; an answer off its contract throws. */
export function checkedGet(get, workload) {
  const validators = new Map()
  const validatorOf = (name) => {
    if (!validators.has(name)) validators.set(name, require(`../../dist/validators/${workload.provider}.responses.${name}.cjs`))
    return validators.get(name)
  }
  return async (path) => {
    const body = await get(path)
    const name = workload.contractOf(path)
    if (!validatorOf(name)(body)) throw new Error(`GET ${path}: the answer is off its contract ${name}`)
    return body
  }
}

/**
 * The definitions of one workspace compared with `list` (the workload's segments as read), then
 * counted: `{changed: [{name, id, count}], unchanged: [name]}`. Each count is asked for as soon as
 * the compare finds its change, and the event loop turns every `STEP` definitions so those asks go
 * out while the rest is compared: 14 ms sooner for 5,000 Sequenzy segments than asking for them
 * all after the compare (paired runs, 30 pairs).
 */
export async function leastPlan({definitions, list, workload, get}) {
  const names = new Map(list.map((segment) => [segment.id, segment.name]))
  const byName = new Map(list.map((segment) => [segment.name, segment]))
  const changed = []
  const unchanged = []
  const counts = []
  const nameOf = (id) => names.get(id)
  // The workload's own in-place compare when it has one, else its segment as the definition writes it, compared.
  const sameAsRead = (segment, body) => {
    if (workload.sameAs) return workload.sameAs(segment, body, nameOf, sameValue)
    const read = workload.asDefinition(segment, nameOf)
    return Object.keys(body).every((key) => sameValue(read[key], body[key]))
  }
  for (let i = 0; i < definitions.length; i++) {
    const definition = definitions[i]
    const segment = byName.get(definition.name)
    const same = segment !== undefined && sameAsRead(segment, definition.body)
    if (same) unchanged.push(definition.name)
    else {
      changed.push({name: definition.name, id: segment?.id})
      counts.push(workload.countPath && segment ? get(workload.countPath(segment.id)) : undefined)
    }
    if (i % STEP === STEP - 1) await new Promise((resolve) => setImmediate(resolve))
  }
  const got = await Promise.all(counts)
  return {changed: changed.map((c, i) => ({...c, count: got[i]?.count})), unchanged}
}

const STEP = 500

/**
 * Equal as JSON, walked in place (keys in any order; an undefined member is no member). Comparing
 * the two JSON texts of each field instead cost the least plan about 50 ms over 5,000 segments
 * (paired runs): the least client compares as cheaply as it can.
 */
function sameValue(a, b) {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (!sameValue(a[i], b[i])) return false
    return true
  }
  if (Array.isArray(b)) return false
  let members = 0
  for (const key in a) {
    if (a[key] === undefined) continue
    members++
    if (!sameValue(a[key], b[key])) return false
  }
  for (const key in b) if (b[key] !== undefined) members--
  return members === 0
}
