/** The progress line of work that runs side by side over several workspaces: "Reading 3 workspaces at once: a, b, c". Nothing for one. */
export function sayAtOnce(progress: ((line: string) => void) | undefined, verb: string, names: string[]): void {
  if (names.length > 1) progress?.(`${verb} ${names.length} workspaces at once: ${names.join(', ')}`)
}
