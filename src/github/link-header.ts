/**
 * The `next` URL of a paginated GitHub response: `Link: <…&page=2>; rel="next", <…&page=5>; rel="last"`
 * (https://docs.github.com/en/rest/using-the-rest-api/using-pagination-in-the-rest-api; RFC 8288).
 */
export function nextLink(header: string | null | undefined): string | undefined {
  if (!header) return undefined
  // Each link is <URL> then its ;-separated parameters; a URL may itself hold commas.
  for (const link of header.matchAll(/<([^>]*)>((?:\s*;\s*[^;,]*)*)/g)) {
    const rel = /;\s*rel\s*=\s*"?([^";]*)"?/i.exec(link[2]!)?.[1]
    if (rel?.toLowerCase().split(/\s+/).includes('next')) return link[1]
  }
  return undefined
}
