/**
 * `segsync test`: each expectation of each test file, for each profile it names, evaluated offline
 * by the provider's evaluator against the definition of that segment (references to other
 * segments are evaluated through their definitions). Pure: the definitions and tests come in, the
 * results go out as data (schemas/segtest-report.schema.json).
 */
import type {Definition} from '../model.js'
import type {Evaluation, Explained, Provider} from '../provider.js'
import {isSegmentRef} from '../graph/references.js'
import {explain, undecided} from './explain.js'
import type {SegmentTestFile} from './model.js'

export interface SegmentTestResult {
  workspace: string
  file: string
  line?: number
  segment: string
  profile: string
  expected: 'member' | 'nonMember'
  actual: 'member' | 'nonMember' | 'skipped'
  /** The condition tree with each value; for a skipped result, why. */
  explanation: string
}

export function runTests(workspace: string, provider: Provider, definitions: Definition[], tests: SegmentTestFile[], now: () => Date = () => new Date()): SegmentTestResult[] {
  const evaluation = provider.evaluation
  const bodies = new Map(definitions.filter((d) => d.ensure === 'present').map((d) => [d.name, d.body]))
  const results: SegmentTestResult[] = []
  for (const test of tests) {
    const profiles = new Map(test.profiles.map((p) => [p.id, p]))
    test.expect.forEach((expectation, i) => {
      const cases = [...expectation.members.map((id, j) => ({id, expected: 'member' as const, path: ['expect', i, 'members', j]})), ...expectation.nonMembers.map((id, j) => ({id, expected: 'nonMember' as const, path: ['expect', i, 'nonMembers', j]}))]
      for (const c of cases) {
        const base = {workspace, file: test.source.file, ...lineOf(test, c.path), segment: expectation.segment, profile: c.id, expected: c.expected}
        if (!evaluation.supported) {
          results.push({...base, actual: 'skipped', explanation: evaluation.reason})
          continue
        }
        const verdict = membership(evaluation, bodies, expectation.segment, profiles.get(c.id)!, test.now ?? now())
        if (verdict.value === 'unknown') {
          results.push({...base, actual: 'skipped', explanation: `not evaluable offline: ${undecided(verdict).join('; ')}`})
          continue
        }
        results.push({...base, actual: verdict.value ? 'member' : 'nonMember', explanation: explain(verdict)})
      }
    })
  }
  return results
}

function lineOf(test: SegmentTestFile, path: Array<string | number>): {line?: number} {
  const pos = test.source.locate(path)
  return pos ? {line: pos.line} : {}
}

/** The profile against the segment `name`, with references evaluated through their definitions. */
function membership(evaluation: Extract<Evaluation, {supported: true}>, bodies: Map<string, Record<string, unknown>>, name: string, profile: Record<string, unknown>, now: Date): Explained {
  const visiting = new Set<string>()
  const visit = (segment: string): Explained => {
    visiting.add(segment)
    try {
      return evaluation.evaluate(bodies.get(segment) ?? {}, profile, {
        now,
        inSegment: (ref) => {
          const target = isSegmentRef(ref) ? ref.$segment : undefined
          if (target === undefined || !bodies.has(target)) return undefined
          // validate refuses cycles; this only keeps a broken input from recursing forever.
          if (visiting.has(target)) return {text: `in segment ${JSON.stringify(target)}`, value: 'unknown', because: 'a reference cycle'}
          return visit(target)
        },
      })
    } finally {
      visiting.delete(segment)
    }
  }
  return visit(name)
}
