/**
 * Where a change's definition is: a link to the file and line at the pull request's head commit
 * (a GitHub blob URL with `#L<line>`), or the plain path when there is no pull request to link into.
 */
import {posix} from 'node:path'
import type {Source} from '../../generated/plan.js'
import {inlineCode} from './escape.js'

export interface SourceLinks {
  /** `https://github.com/acme/segments/blob/<head sha>`: files as the pull request's head commit has them. */
  blob: string
  /** The working directory relative to the repository root ('' at the root): definition paths are relative to it. */
  pathPrefix: string
}

export function sourceText(source: Source, links?: SourceLinks): string {
  const text = inlineCode(source.line ? `${source.file}:${source.line}` : source.file)
  const url = links ? blobUrl(source, links) : undefined
  return url ? `[${text}](${url})` : text
}

/** The file's URL at the head commit, or undefined for a path outside the repository. */
export function blobUrl(source: Source, links: SourceLinks): string | undefined {
  const path = posix.join(links.pathPrefix, source.file)
  if (path === '..' || path.startsWith('../') || posix.isAbsolute(path)) return undefined
  // Every segment percent-encoded, parentheses too: a bracket or space in a file name cannot end the link.
  const encoded = path
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/[()'!*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/')
  return `${links.blob}/${encoded}${source.line ? `#L${source.line}` : ''}`
}
