/**
 * Validate stage for segment test files: each against its provider's test schema (profiles shaped
 * like what the vendor's conditions read), then what a schema cannot say: every expectation names
 * a definition of the same workspace, every member names a profile of the file, profile ids are
 * unique. Problems come back as data with positions (exit 3).
 */
import type {Definition, Problem} from '../model.js'
import type {LoadedFile} from '../load/load-definitions.js'
import type {Provider} from '../provider.js'
import {didYouMean} from '../../util/text.js'
import {problemAt} from '../validate/problem.js'
import {schemaValidator} from '../validate/schema.js'
import type {SegmentTestFile} from './model.js'

interface RawTest {
  now?: string
  profiles: Array<Record<string, unknown> & {id: string}>
  expect: Array<{segment: string; members?: string[]; nonMembers?: string[]}>
}

export function validateTests(files: LoadedFile[], provider: Provider, definitions: Definition[], schemaFile: string): {tests: SegmentTestFile[]; problems: Problem[]} {
  const validator = schemaValidator(schemaFile)
  const names = definitions.filter((d) => d.ensure === 'present').map((d) => d.name)
  const tests: SegmentTestFile[] = []
  const problems: Problem[] = []
  for (const {source, value} of files) {
    const issues = validator.validate(value)
    if (issues.length > 0) {
      for (const issue of issues) problems.push(problemAt(source, issue.path, issue.message, {hint: issue.hint, at: issue.at}))
      continue
    }
    const raw = value as RawTest
    const found: Problem[] = []
    const ids = new Set<string>()
    raw.profiles.forEach((p, i) => {
      if (ids.has(p.id)) found.push(problemAt(source, ['profiles', i, 'id'], `duplicate profile id ${JSON.stringify(p.id)}`, {hint: 'Give each profile of a test file its own id.'}))
      ids.add(p.id)
    })
    raw.expect.forEach((e, i) => {
      if (!names.includes(e.segment)) {
        const suggestion = didYouMean(e.segment, names)
        found.push(problemAt(source, ['expect', i, 'segment'], `no definition of ${provider.label} in this workspace is named ${JSON.stringify(e.segment)}`, {hint: suggestion ? `did you mean ${JSON.stringify(suggestion)}?` : 'Name a segment by the name in its definition file.'}))
      }
      for (const list of ['members', 'nonMembers'] as const) {
        ;(e[list] ?? []).forEach((id, j) => {
          if (!ids.has(id)) found.push(problemAt(source, ['expect', i, list, j], `no profile in this file has the id ${JSON.stringify(id)}`, {hint: didYouMean(id, ids) ? `did you mean ${JSON.stringify(didYouMean(id, ids))}?` : `Profiles here: ${[...ids].join(', ')}.`}))
        })
      }
      if ((e.members ?? []).length + (e.nonMembers ?? []).length === 0) found.push(problemAt(source, ['expect', i], 'an expectation needs members or nonMembers (profile ids)'))
    })
    problems.push(...found)
    if (found.length === 0) {
      tests.push({source, ...(raw.now ? {now: new Date(raw.now)} : {}), profiles: raw.profiles, expect: raw.expect.map((e) => ({segment: e.segment, members: e.members ?? [], nonMembers: e.nonMembers ?? []}))})
    }
  }
  return {tests, problems}
}
