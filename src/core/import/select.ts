/**
 * Which remote segments `segsync import` writes files for: those no definition manages yet
 * (matched by name or renamedFrom), minus read-only ones (never modified, so not managed) and
 * names shared by several remote segments (a definition could not tell them apart).
 */
import type {Definition, RemoteSegment} from '../model.js'
import {byText} from '../../util/order.js'

export interface ImportSelection {
  toImport: RemoteSegment[]
  skipped: Array<{id: string; name: string; reason: string}>
  /** Remote segments already managed by a definition. */
  managed: number
}

export function selectForImport(remotes: RemoteSegment[], definitions: Definition[], nameFilter?: (name: string) => boolean): ImportSelection {
  const claimed = new Set(definitions.flatMap((d) => [d.name, ...d.renamedFrom]))
  const counts = new Map<string, number>()
  for (const r of remotes) counts.set(r.name, (counts.get(r.name) ?? 0) + 1)
  const toImport: RemoteSegment[] = []
  const skipped: ImportSelection['skipped'] = []
  let managed = 0
  for (const remote of [...remotes].sort((a, b) => byText(a.name, b.name) || byText(a.id, b.id))) {
    if (claimed.has(remote.name)) {
      managed++
      continue
    }
    if (nameFilter && !nameFilter(remote.name)) continue
    if (remote.readOnly) skipped.push({id: remote.id, name: remote.name, reason: `read-only: ${remote.readOnly}`})
    else if (counts.get(remote.name)! > 1) skipped.push({id: remote.id, name: remote.name, reason: `${counts.get(remote.name)} remote segments share this name; rename all but one in the vendor, then import again`})
    else toImport.push(remote)
  }
  return {toImport, skipped, managed}
}

/** `--name` globs: `*` any run of characters, `?` one character; case-sensitive; several with commas. */
export function globFilter(patterns: string | undefined): ((name: string) => boolean) | undefined {
  if (!patterns) return undefined
  const regexes = patterns.split(',').map((p) => new RegExp(`^${p.trim().replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`))
  return (name) => regexes.some((r) => r.test(name))
}
