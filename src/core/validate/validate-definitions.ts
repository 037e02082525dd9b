/**
 * Validate stage: every loaded file against the provider's schema and checks, then the rules
 * across files (unique names, renames, references). Pure: problems come back as data, all of
 * them in one run, with positions.
 */
import type {Definition, Problem} from '../model.js'
import type {Provider} from '../provider.js'
import type {LoadedFile} from '../load/load-definitions.js'
import {COMMON_FIELDS} from '../../generated/common.js'
import {definitionRefs, NO_SEGMENT_REFS} from '../graph/references.js'
import {didYouMean} from '../../util/text.js'
import {problemAt, where} from './problem.js'
import {schemaValidator} from './schema.js'

const COMMON: ReadonlySet<string> = new Set(COMMON_FIELDS)

export interface ValidationResult {
  definitions: Definition[]
  problems: Problem[]
}

export function validateDefinitions(files: LoadedFile[], provider: Provider, schemaFile: string): ValidationResult {
  const problems: Problem[] = []
  const definitions: Definition[] = []
  // Files with schema problems still take part in the checks across files, by what they
  // plainly say (their name, references): a mistake in A must not also read as "B references
  // an unknown A".
  const flawed: Definition[] = []
  const validator = schemaValidator(schemaFile)
  for (const {source, value, noSegmentRefs} of files) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      problems.push({
        file: source.file,
        message: source.kind === 'ts' ? 'must `export default` a segment definition (an object)' : 'must be a JSON object (one segment per file)',
        hint: source.kind === 'ts' ? `export default defineSegment({ name: '…', … }) from 'segsync/${provider.id}'` : undefined,
      })
      continue
    }
    const issues = validator.validate(value)
    for (const issue of issues) problems.push(problemAt(source, issue.path, issue.message, {hint: issue.hint, at: issue.at}))
    if (issues.length > 0) {
      const partial = lenientDefinition(value as Record<string, unknown>, source)
      if (partial) flawed.push(partial)
      continue
    }
    const definition = toDefinition(value as Record<string, unknown>, source, noSegmentRefs)
    if (definition.ensure === 'present') {
      for (const issue of provider.check?.(definition.body) ?? []) {
        problems.push(problemAt(source, issue.path, issue.message, {hint: issue.hint}))
      }
    }
    definitions.push(definition)
  }
  const all = [...definitions, ...flawed]
  problems.push(...duplicateNames(all), ...renameConflicts(all), ...unknownReferences(all))
  return {definitions, problems}
}

/** What a definition that failed the schema still says clearly, or undefined without a name. */
function lenientDefinition(value: Record<string, unknown>, source: Definition['source']): Definition | undefined {
  if (typeof value.name !== 'string' || value.name === '') return undefined
  const strings = (v: unknown) => (Array.isArray(v) && v.every((s) => typeof s === 'string') ? v : [])
  return {...toDefinition(value, source), renamedFrom: strings(value.renamedFrom), dependsOn: strings(value.dependsOn)}
}

/** `noSegmentRefs`: the file's text has no `$segment`, so its body holds no reference. */
function toDefinition(value: Record<string, unknown>, source: Definition['source'], noSegmentRefs = false): Definition {
  const body: Record<string, unknown> = {}
  for (const k of Object.keys(value)) if (!COMMON.has(k)) body[k] = value[k]
  return {
    name: value.name as string,
    renamedFrom: (value.renamedFrom as string[] | undefined) ?? [],
    dependsOn: (value.dependsOn as string[] | undefined) ?? [],
    protected: value.protected === true,
    ensure: value.ensure === 'absent' ? 'absent' : 'present',
    body,
    source,
    segmentRefs: noSegmentRefs ? NO_SEGMENT_REFS : undefined,
  }
}

function duplicateNames(definitions: Definition[]): Problem[] {
  const byName = groupBy(definitions, (d) => d.name)
  const problems: Problem[] = []
  for (const [name, defs] of byName) {
    if (defs.length < 2) continue
    for (const d of defs) {
      const others = defs.filter((o) => o !== d).map((o) => where(o.source))
      problems.push(problemAt(d.source, ['name'], `duplicate segment name ${JSON.stringify(name)}: also defined in ${others.join(', ')}`, {hint: 'Names identify segments: give each file its own name.'}))
    }
  }
  return problems
}

function renameConflicts(definitions: Definition[]): Problem[] {
  const names = new Map(definitions.map((d) => [d.name, d]))
  const claimed = new Map<string, Definition>()
  const problems: Problem[] = []
  for (const d of definitions) {
    d.renamedFrom.forEach((old, i) => {
      const owner = names.get(old)
      if (owner && owner !== d) {
        problems.push(problemAt(d.source, ['renamedFrom', i], `renamedFrom ${JSON.stringify(old)} is the name of another definition (${where(owner.source)})`, {hint: 'A segment cannot be renamed to a name that is still defined: remove one of them.'}))
      }
      const other = claimed.get(old)
      if (other && other !== d) {
        problems.push(problemAt(d.source, ['renamedFrom', i], `${JSON.stringify(old)} is also listed in renamedFrom of ${where(other.source)}`, {hint: 'Only one definition can take over a renamed segment.'}))
      }
      claimed.set(old, d)
    })
  }
  return problems
}

function unknownReferences(definitions: Definition[]): Problem[] {
  const present = new Map(definitions.filter((d) => d.ensure === 'present').map((d) => [d.name, d]))
  const absent = new Set(definitions.filter((d) => d.ensure === 'absent').map((d) => d.name))
  const problems: Problem[] = []
  const check = (d: Definition, name: string, path: Array<string | number>, kind: string) => {
    if (present.has(name)) return
    if (absent.has(name)) {
      problems.push(problemAt(d.source, path, `${kind} ${JSON.stringify(name)}, which is marked ensure: 'absent' (to be deleted)`, {hint: 'Remove the reference before deleting the segment.'}))
      return
    }
    const suggestion = didYouMean(name, present.keys())
    problems.push(problemAt(d.source, path, `${kind} ${JSON.stringify(name)}, but no definition has that name`, {hint: suggestion ? `did you mean ${JSON.stringify(suggestion)}?` : 'Reference segments by the name in their definition file.'}))
  }
  for (const d of definitions) {
    if (d.ensure === 'absent') continue
    d.dependsOn.forEach((name, i) => check(d, name, ['dependsOn', i], 'dependsOn names'))
    for (const ref of definitionRefs(d)) check(d, ref.name, [...ref.path, '$segment'], '$segment references')
  }
  return problems
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const item of items) {
    const k = key(item)
    const group = out.get(k)
    if (group) group.push(item)
    else out.set(k, [item])
  }
  return out
}
