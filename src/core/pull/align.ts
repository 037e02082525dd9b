/**
 * The remote body in the file's order. Vendors return condition lists in their own order, and for
 * most of them order carries no meaning (normalize keys such lists by content); a pulled file
 * should then change only where the segment changed, not reshuffle what the author wrote. So
 * the remote's lists are reordered to follow the file's, and the result is used only if the
 * provider's normalize says it is still the same segment.
 */
import {stableStringify} from '../../util/hash.js'
import type {NameOf, Provider, SegmentBody} from '../provider.js'

export function alignToFile(file: SegmentBody, remote: SegmentBody, provider: Provider, nameOf: NameOf): SegmentBody {
  const aligned = align(file, remote) as SegmentBody
  const same = stableStringify(provider.normalize(aligned, nameOf)) === stableStringify(provider.normalize(remote, nameOf))
  return same ? aligned : remote
}

function align(file: unknown, remote: unknown): unknown {
  if (Array.isArray(file) && Array.isArray(remote)) return alignList(file as unknown[], remote as unknown[])
  if (isObject(file) && isObject(remote)) {
    return Object.fromEntries(Object.entries(remote).map(([k, v]) => [k, k in file ? align(file[k], v) : v]))
  }
  return remote
}

function alignList(file: unknown[], remote: unknown[]): unknown[] {
  const unused = remote.map((v) => ({v, k: stableStringify(v)}))
  // Items the file already has, where the file has them.
  const exact = file.map((f) => {
    const k = stableStringify(f)
    const at = unused.findIndex((u) => u.k === k)
    return at < 0 ? undefined : unused.splice(at, 1)[0]!
  })
  const out: unknown[] = []
  file.forEach((f, i) => {
    const match = exact[i]
    if (match) out.push(match.v)
    else if (unused.length > 0) out.push(align(f, unused.shift()!.v)) // an edited item stays in its place
  })
  return [...out, ...unused.map((u) => u.v)]
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
