/**
 * SIGINT/SIGTERM during apply: the first one stops new work (in-flight changes finish and the
 * report is printed); a second one exits at once.
 */
export function onStopSignal(onFirst: () => void): {stopped: () => boolean; dispose(): void} {
  let stopped = false
  const handler = (signal: NodeJS.Signals) => {
    if (stopped) process.exit(signal === 'SIGINT' ? 130 : 143)
    stopped = true
    onFirst()
  }
  process.on('SIGINT', handler)
  process.on('SIGTERM', handler)
  return {
    stopped: () => stopped,
    dispose() {
      process.off('SIGINT', handler)
      process.off('SIGTERM', handler)
    },
  }
}
