/**
 * What the least client that plans does with the vendor's answers, shared by the baselines
 * (baseline-managed.mjs for one workspace, baseline-workspaces.mjs for many):
 *   - `leastPlan`: each definition compared with its segment as read (server ids dropped, JSON text
 *     compared, no normalising), one member count per changed segment where the vendor counts
 *     separately (#17), the names changed and unchanged. No impact, no document.
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

/** The definitions of one workspace compared with `list` (the workload's segments as read), then counted: `{changed: [{name, id, count}], unchanged: [name]}`. */
export async function leastPlan({definitions, list, workload, get}) {
  const names = new Map(list.map((segment) => [segment.id, segment.name]))
  const byName = new Map(list.map((segment) => [segment.name, segment]))
  const changed = []
  const unchanged = []
  for (const definition of definitions) {
    const segment = byName.get(definition.name)
    const read = segment && workload.asDefinition(segment, (id) => names.get(id))
    const same = read && Object.keys(definition.body).every((key) => JSON.stringify(read[key]) === JSON.stringify(definition.body[key]))
    if (same) unchanged.push(definition.name)
    else changed.push({name: definition.name, id: segment?.id})
  }
  const counts = workload.countPath ? await Promise.all(changed.map((c) => c.id && get(workload.countPath(c.id)))) : []
  return {changed: changed.map((c, i) => ({...c, count: counts[i]?.count})), unchanged}
}
