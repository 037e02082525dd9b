/**
 * File names for imported segments: derived from the segment name (so the same segment always
 * gets the same name), safe on every file system, and never one that already exists.
 */
const MAX = 80

export function slugFor(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX)
    .replace(/-+$/, '')
  return slug || 'segment'
}

/** The first of `slug.ext`, `slug-2.ext`, … that is neither on disk nor taken in this run. */
export function uniqueFileName(name: string, ext: string, taken: (file: string) => boolean): string {
  const slug = slugFor(name)
  for (let n = 1; ; n++) {
    const file = `${slug}${n === 1 ? '' : `-${n}`}${ext}`
    if (!taken(file)) return file
  }
}
