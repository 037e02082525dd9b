/**
 * The job summary: Markdown appended to the file at GITHUB_STEP_SUMMARY, shown on the run's page
 * (https://docs.github.com/en/actions/using-workflows/workflow-commands-for-github-actions#adding-a-job-summary).
 */
import {appendFile} from 'node:fs/promises'

/** Appends and returns true, or returns false when the runner gave no summary file. */
export async function appendStepSummary(env: NodeJS.ProcessEnv, markdown: string): Promise<boolean> {
  const file = env.GITHUB_STEP_SUMMARY
  if (!file) return false
  await appendFile(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`)
  return true
}
