import pc from 'picocolors'

export type Colors = ReturnType<typeof pc.createColors>

/**
 * Colour only where it renders (research/ecosystem.md §8): --no-color or NO_COLOR → off;
 * FORCE_COLOR=0 → off; FORCE_COLOR → on; GitHub Actions → on; else a TTY that is not dumb.
 */
export function colorEnabled(options: {noColor?: boolean; env?: NodeJS.ProcessEnv; isTTY?: boolean} = {}): boolean {
  const env = options.env ?? process.env
  if (options.noColor || (env.NO_COLOR !== undefined && env.NO_COLOR !== '')) return false
  if (env.FORCE_COLOR === '0') return false
  if (env.FORCE_COLOR !== undefined) return true
  if (env.GITHUB_ACTIONS === 'true') return true
  return Boolean(options.isTTY ?? process.stdout.isTTY) && env.TERM !== 'dumb'
}

export function colors(enabled: boolean): Colors {
  return pc.createColors(enabled)
}
