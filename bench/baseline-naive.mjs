/**
 * The script a team writes by hand instead of segsync: list the segments, then one by one GET
 * each defined segment and PATCH it when it differs. No campaign analysis, no concurrency, no
 * rate limiter (it sleeps when told to by a 429). Against the Sequenzy API (emulator), for the
 * benchmark's "segsync / baseline" ratios.
 */
async function call(url, key, method, path, body) {
  for (let dropped = 0; ; ) {
    const init = {method, headers: {authorization: `Bearer ${key}`, 'content-type': 'application/json'}, body: body ? JSON.stringify(body) : undefined}
    // A kept-alive socket closed under a request (seen once in a full bench run: "other side
    // closed" right after the 2 MB list) is tried again once, as fetch's caller would.
    const res = await fetch(url + path, init).catch((error) => {
      if (dropped++ > 0 || method !== 'GET') throw error
      return undefined
    })
    if (!res) continue
    if (res.status === 429) {
      await new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after') ?? 1) * 1000))
      continue
    }
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`)
    return res.json()
  }
}

/** Plan: list, then GET each defined segment to compare. */
export async function naivePlan({url, key, names}) {
  const started = performance.now()
  let calls = 1
  const {segments} = await call(url, key, 'GET', '/api/v1/segments')
  const byName = new Map(segments.map((s) => [s.name, s]))
  for (const name of names) {
    const s = byName.get(name)
    if (!s) continue
    await call(url, key, 'GET', `/api/v1/segments/${s.id}`)
    calls++
  }
  return {ms: performance.now() - started, calls}
}

/** Apply: list, then GET and PATCH each segment, one after the other. */
export async function naiveApply({url, key, desired}) {
  const started = performance.now()
  let calls = 1
  const {segments} = await call(url, key, 'GET', '/api/v1/segments')
  const byName = new Map(segments.map((s) => [s.name, s]))
  for (const d of desired) {
    const s = byName.get(d.name)
    const {segment} = await call(url, key, 'GET', `/api/v1/segments/${s.id}`)
    calls++
    if (JSON.stringify(segment.root.children.map((c) => c.value)) !== JSON.stringify(d.root.children.map((c) => c.value))) {
      await call(url, key, 'PATCH', `/api/v1/segments/${s.id}`, {root: d.root})
      calls++
    }
  }
  return {ms: performance.now() - started, calls}
}
