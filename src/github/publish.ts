/**
 * Where a plan goes besides stdout when segsync runs in GitHub Actions: the sticky PR comment
 * (`--comment`), the job summary, and annotations at the definition files. A read-only token
 * (fork PR, 403) is not a failure: the plan goes to the job summary and the step succeeds.
 * Everything written passes through `redact`.
 */
import {isAbsolute, relative, sep} from 'node:path'
import type {PlanDocument} from '../generated/plan.js'
import {formatAnnotation, renderAnnotations, renderJobSummary} from '../render/github.js'
import {renderPlanMarkdown} from '../render/markdown.js'
import {plainText} from '../render/markdown/escape.js'
import {redact} from '../util/redact.js'
import {githubApi, type GitHubApiOptions} from './api.js'
import {pullRequestHead, runUrl, sourceLinks, type CommentTarget} from './context.js'
import {appendStepSummary} from './step-summary.js'
import {upsertStickyComment, type StickyResult} from './sticky-comment.js'

export interface PublishOptions {
  env: NodeJS.ProcessEnv
  cwd: string
  /** The --workspace selection: each selection has its own comment. */
  workspace?: string
  /** From `commentTarget`, with --comment. */
  target?: CommentTarget
  /** Where annotations go: stdout, or stderr when stdout carries --json (the runner reads both). */
  annotations: {write(text: string): unknown}
  progress(line: string): void
  warn(line: string): void
  api?: GitHubApiOptions
}

/** The first line of the sticky comment: `<!-- segsync:plan:all -->` or `<!-- segsync:plan:production -->`. */
export function commentMarker(workspace?: string): string {
  return `<!-- segsync:plan:${workspace ?? 'all'} -->`
}

export async function publishPlan(plan: PlanDocument, options: PublishOptions): Promise<{comment?: StickyResult; summary: boolean}> {
  const {env, target} = options
  const inActions = env.GITHUB_ACTIONS === 'true'
  const commit = target?.headSha ?? env.GITHUB_SHA
  const prefix = pathPrefix(env.GITHUB_WORKSPACE, options.cwd)
  // Links only into a pull request's head commit, from inside its checkout: elsewhere the paths stay plain.
  const links = inCheckout(env.GITHUB_WORKSPACE, options.cwd) ? sourceLinks(env, target?.headSha ?? (await pullRequestHead(env)), prefix) : undefined
  const notes: string[] = []
  let comment: StickyResult | undefined
  if (target) {
    const marker = commentMarker(options.workspace)
    const body = redact(renderPlanMarkdown(plan, {marker, fullPlanUrl: runUrl(env), commit, ...(links ? {links} : {})}))
    comment = await upsertStickyComment(githubApi(target, options.api), {owner: target.owner, repo: target.repo, pullRequest: target.pullRequest, marker, body})
    if (comment.action === 'forbidden') {
      notes.push(`> [!NOTE]\n> The plan could not be posted as a comment on pull request #${target.pullRequest}: ${plainText(comment.message)}. A pull request from a fork gets a read-only token, so the plan is shown here instead.`)
      options.warn(`could not post the plan comment on pull request #${target.pullRequest} (${comment.message}); ${inActions && env.GITHUB_STEP_SUMMARY ? 'the plan is in the job summary instead' : 'the plan is printed above'}.`)
    } else {
      options.progress(`Plan comment ${comment.action} on pull request #${target.pullRequest}${comment.url ? `: ${comment.url}` : ''}`)
    }
  }
  let summary = false
  if (inActions) {
    summary = await appendStepSummary(env, redact(renderJobSummary(plan, {notes, commit, ...(links ? {links} : {})})))
    let text = renderAnnotations(plan, {pathPrefix: prefix})
    if (comment?.action === 'forbidden') {
      text += formatAnnotation({level: 'warning', title: 'segsync: plan comment not posted', message: `${comment.message}. The plan is in the job summary (a fork pull request gets a read-only token).`}) + '\n'
    }
    options.annotations.write(redact(text))
  }
  return {...(comment ? {comment} : {}), summary}
}

/** Whether the working directory is the checkout or inside it (no GITHUB_WORKSPACE: taken as its root). */
function inCheckout(workspace: string | undefined, cwd: string): boolean {
  if (!workspace) return true
  const rel = relative(workspace, cwd)
  return !rel.startsWith('..') && !isAbsolute(rel)
}

/** The working directory relative to the checkout, for annotation paths ('' at the root or outside it). */
export function pathPrefix(workspace: string | undefined, cwd: string): string {
  if (!workspace) return ''
  const rel = relative(workspace, cwd)
  return rel.startsWith('..') || isAbsolute(rel) ? '' : rel.split(sep).join('/')
}
