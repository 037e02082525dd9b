/**
 * Drift hints (core/plan/drift.ts, util/git.ts) and how the plan says them: only updates, only
 * where the vendor gives an update time that is newer than the file's last commit.
 */
import {execFileSync} from 'node:child_process'
import {mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {delimiter, join} from 'node:path'
import {describe, expect, it} from 'vitest'
import type {RemoteSegment, Workspace} from '../../src/core/model.js'
import {driftHints} from '../../src/core/plan/drift.js'
import {renderPlanMarkdown} from '../../src/render/markdown.js'
import {renderPlanText} from '../../src/render/plan-text.js'
import {colors} from '../../src/render/colors.js'
import {lastCommitTimes} from '../../src/util/git.js'
import type {Prepared, PreparedWorkspace, RunContext} from '../../src/core/pipeline.js'
import {plan} from '../../src/core/plan-run.js'
import {fake, fakeClient, fakeDefinition as def} from '../helpers/fake-provider.js'
import {change, planOf, workspace} from '../helpers/plan-document.js'
import {commitAll, tempRepo} from '../helpers/temp-repo.js'

const remote = (id: string, updatedAt?: string): RemoteSegment => ({id, name: id, raw: {updatedAt}})
const withTime = {...fake, updatedAt: (r: RemoteSegment) => (r.raw as {updatedAt?: string}).updatedAt}
const committed = Date.parse('2026-03-01T12:00:00Z') / 1000

/** How many times `git` ran during `body`: a `git` on PATH counts its runs before handing over to the real one. */
async function gitRuns(dir: string, body: () => Promise<void>): Promise<number> {
  const realGit = execFileSync('sh', ['-c', 'command -v git'], {encoding: 'utf8'}).trim()
  const bin = join(dir, 'bin')
  mkdirSync(bin)
  writeFileSync(join(bin, 'git'), `#!/bin/sh\necho run >> "${join(dir, 'git-runs')}"\nexec "${realGit}" "$@"\n`, {mode: 0o755})
  const path = process.env.PATH
  process.env.PATH = `${bin}${delimiter}${path}`
  try {
    await body()
  } finally {
    process.env.PATH = path
  }
  return readFileSync(join(dir, 'git-runs'), 'utf8').trim().split('\n').length
}

describe('drift hints', () => {
  it('hint at updates whose remote changed after the file was last committed, and at nothing else', async () => {
    const changes = [
      change('update', 'Edited', {id: 's1'}),
      change('update', 'Older', {id: 's2'}),
      change('update', 'Untracked', {id: 's3'}),
      change('update', 'No time', {id: 's4'}),
      change('delete', 'Gone', {id: 's5'}),
    ]
    const remotes = new Map([
      ['s1', remote('s1', '2026-04-01T00:00:00.000Z')],
      ['s2', remote('s2', '2026-02-01T00:00:00.000Z')],
      ['s3', remote('s3', '2026-04-01T00:00:00.000Z')],
      ['s4', remote('s4')],
      ['s5', remote('s5', '2026-04-01T00:00:00.000Z')],
    ])
    const asked: string[] = []
    const commitTime = async (file: string) => {
      asked.push(file)
      return file.includes('untracked') ? undefined : committed
    }
    const hints = await driftHints(changes, remotes, withTime, commitTime)
    expect([...hints]).toEqual([['Edited', {remoteUpdatedAt: '2026-04-01T00:00:00.000Z', fileCommittedAt: '2026-03-01T12:00:00.000Z'}]])
    // One git question per update whose vendor gave a time; none for deletes.
    expect(asked.sort()).toEqual(['segments/edited.json', 'segments/older.json', 'segments/untracked.json'])
    expect(await driftHints(changes, remotes, fake, commitTime)).toEqual(new Map())
  })

  it('reads the last commit time from git, and knows nothing outside a repository', async () => {
    const repo = tempRepo({'a.json': '{}\n', 'b.json': '{}\n'})
    expect(await lastCommitTimes(repo.dir)('a.json')).toBeUndefined()
    commitAll(repo.dir, 'a.json')
    const times = lastCommitTimes(repo.dir)
    expect(await times('a.json')).toBe(committed)
    expect(await times('b.json')).toBeUndefined()
  })

  it('looks for the repository once, outside one as well: not again for every file asked', async () => {
    const repo = tempRepo({'a.json': '{}\n'})
    const times = lastCommitTimes(repo.dir)
    expect(await times('a.json')).toBeUndefined()
    // A repository made after the first answer is not looked for again (a plan asks once per update).
    commitAll(repo.dir, 'a.json')
    expect(await times('a.json')).toBeUndefined()
    expect(await lastCommitTimes(repo.dir)('a.json')).toBe(committed)
  })

  it('knows nothing of a file with uncommitted changes: its diff is the local edit, not drift', async () => {
    const repo = tempRepo({'a.json': '{}\n'})
    commitAll(repo.dir, 'a.json')
    repo.write('a.json', '{"edited": true}\n')
    expect(await lastCommitTimes(repo.dir)('a.json')).toBeUndefined()
    repo.write('a.json', '{}\n')
    expect(await lastCommitTimes(repo.dir)('a.json')).toBe(committed)
  })

  it('compares the last commit with the content the plan read, not with the file on disk by now, and reads no file again', async () => {
    const repo = tempRepo({'a.json': '{}\n'})
    commitAll(repo.dir, 'a.json')
    // Read as committed, then gone from disk: the answer is the commit's, so the disk was not read.
    rmSync(join(repo.dir, 'a.json'))
    expect(await lastCommitTimes(repo.dir, (file) => (file === 'a.json' ? '{}\n' : undefined))('a.json')).toBe(committed)
    // Read with an edit the disk no longer has: that edit is what the plan holds, so no commit speaks for it.
    repo.write('a.json', '{}\n')
    expect(await lastCommitTimes(repo.dir, () => '{"edited": true}\n')('a.json')).toBeUndefined()
    // A file it does not know is read from disk.
    expect(await lastCommitTimes(repo.dir, () => undefined)('a.json')).toBe(committed)
  })

  it('plan hands git the content it read: a definition file gone from disk since still gets its hint', async () => {
    const content = '{"name": "A", "rules": ["b"]}\n'
    const repo = tempRepo({'segments/A.json': content})
    commitAll(repo.dir, '-A')
    rmSync(join(repo.dir, 'segments/A.json'))
    const client = fakeClient([{id: 'a1', name: 'A', raw: {id: 'a1', name: 'A', rules: ['a'], updatedAt: '2026-04-01T00:00:00.000Z'}}])
    const pw: PreparedWorkspace = {workspace: {name: 'main', provider: 'fake', segments: 'segments', segmentsDir: join(repo.dir, 'segments'), rootDir: repo.dir, apiKeyEnv: 'FAKE_API_KEY'} as unknown as Workspace, provider: withTime, definitions: [def('A', ['b'])], tests: []}
    const ctx: RunContext = {cwd: repo.dir, providers: async () => withTime, connector: {open: async () => ({client, endpoint: 'fake', close: async () => undefined})}, progress: () => undefined}
    const prepared = {config: {file: 'segsync.config.json', rootDir: repo.dir, workspaces: [pw.workspace], policy: {campaignImpact: 'block', unknownUsage: 'warn'}}, workspaces: [pw], problems: [], testProblems: [], contents: [{file: 'segments/A.json', content}]} as Prepared
    const run = await plan(ctx, prepared)
    await run.close()
    expect(run.document.workspaces[0]!.changes[0]).toMatchObject({action: 'update', name: 'A', drift: {remoteUpdatedAt: '2026-04-01T00:00:00.000Z', fileCommittedAt: '2026-03-01T12:00:00.000Z'}})
  })

  it('answers every file asked at once from one git process, from a subfolder, whatever the file names', async () => {
    const names = ['a.json', 'b c.json', 'ü.json', 'star*.json', 'q?.json', 'deep/d.json']
    const repo = tempRepo({'README.md': 'x\n', ...Object.fromEntries(names.map((n) => [`work/segments/${n}`, '{}\n']))})
    const at = (iso: string) => ({...process.env, GIT_COMMITTER_DATE: iso, GIT_AUTHOR_DATE: iso, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e.st', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e.st'})
    const git = (args: string[], iso = '2026-03-01T12:00:00Z') => execFileSync('git', args, {cwd: repo.dir, env: at(iso), stdio: 'ignore'})
    git(['init', '-q'])
    git(['add', '.'])
    git(['commit', '-q', '-m', 'all'])
    // Later commits touch some files: each file's own last commit counts, not the newest of all.
    repo.write('work/segments/b c.json', '{"b": 1}\n')
    repo.write('work/segments/star*.json', '{"s": 1}\n')
    git(['add', '.'])
    git(['commit', '-q', '-m', 'b and star'], '2026-04-01T00:00:00Z')
    repo.write('README.md', 'y\n')
    git(['commit', '-q', '-am', 'readme'], '2026-05-01T00:00:00Z')
    // `star*.json` as a pattern would also match this file, committed last.
    repo.write('work/segments/star-late.json', '{}\n')
    git(['add', '.'])
    git(['commit', '-q', '-m', 'star-late'], '2026-06-01T00:00:00Z')
    repo.write('work/segments/untracked.json', '{}\n')
    repo.write('work/segments/ü.json', '{"edited": true}\n')

    const runs = await gitRuns(repo.dir, async () => {
      const times = lastCommitTimes(join(repo.dir, 'work'))
      const files = [...names, 'untracked.json', 'missing.json'].map((n) => `segments/${n}`)
      const answers = await Promise.all(files.map((f) => times(f)))
      const seconds = (iso: string) => Date.parse(iso) / 1000
      expect(Object.fromEntries(files.map((f, i) => [f, answers[i]]))).toEqual({
        'segments/a.json': seconds('2026-03-01T12:00:00Z'),
        'segments/b c.json': seconds('2026-04-01T00:00:00Z'),
        'segments/ü.json': undefined,
        'segments/star*.json': seconds('2026-04-01T00:00:00Z'),
        'segments/q?.json': seconds('2026-03-01T12:00:00Z'),
        'segments/deep/d.json': seconds('2026-03-01T12:00:00Z'),
        'segments/untracked.json': undefined,
        'segments/missing.json': undefined,
      })
    })
    expect(runs).toBe(1)
  })

  it('answers more files than one git command line holds, from a few git processes', async () => {
    // 400 paths of about 90 characters: over the 16,000 characters one `git log` is given.
    const names = Array.from({length: 400}, (_, i) => `segments/${'long-segment-name-'.repeat(4)}${String(i).padStart(4, '0')}.json`)
    const repo = tempRepo(Object.fromEntries(names.map((n) => [n, '{}\n'])))
    commitAll(repo.dir, '.')
    const runs = await gitRuns(repo.dir, async () => {
      const times = lastCommitTimes(repo.dir)
      const answers = await Promise.all([...names, 'segments/missing.json'].map((f) => times(f)))
      expect(answers.slice(0, -1).every((seconds) => seconds === committed)).toBe(true)
      expect(answers.at(-1)).toBeUndefined()
    })
    expect(runs).toBeGreaterThan(1)
    expect(runs).toBeLessThan(5)
  })

  it('is said in the text plan and in the pull-request comment', () => {
    const plan = planOf(workspace('mail', [change('update', 'Base', {drift: {remoteUpdatedAt: '2026-04-01T08:15:00.000Z', fileCommittedAt: '2026-03-01T12:00:00.000Z'}})], {provider: 'mailglyph'}))
    const words = "changed in the vendor at 2026-04-01 08:15 UTC, after this file's last commit (2026-03-01 12:00 UTC): this update would revert that edit"
    expect(renderPlanText(plan, colors(false))).toContain(`      ! drift: ${words}; \`segsync pull\` writes it into the file instead`)
    expect(renderPlanMarkdown(plan)).toContain(`⚠️ **Drift:** ${words}; <kbd>segsync pull</kbd> writes it into the file instead.`)
  })
})
