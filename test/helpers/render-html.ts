/**
 * Markdown as a CommonMark renderer shows it (markdown-it, raw HTML on, as GitHub's renderer before
 * its sanitiser): to check what a reader sees, not what the Markdown source looks like.
 */
import MarkdownIt from 'markdown-it'

const renderer = new MarkdownIt({html: true})

export function toHtml(markdown: string): string {
  return renderer.render(markdown)
}

/** The text of each `<tag>` element, tags inside removed and entities decoded. */
export function textsOf(html: string, tag: string): string[] {
  return [...html.matchAll(new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => decode(m[1]!.replace(/<[^>]*>/g, '')))
}

/** The names of the HTML elements in the output, and whether it holds an HTML comment. */
export function elementsIn(html: string): Set<string> {
  const tags = new Set([...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1]!.toLowerCase()))
  if (html.includes('<!--')) tags.add('!--')
  return tags
}

function decode(text: string): string {
  return text.replace(/&(lt|gt|quot|amp|#39);/g, (_, e: string) => ({lt: '<', gt: '>', quot: '"', amp: '&', '#39': "'"})[e]!)
}
