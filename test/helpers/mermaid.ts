/**
 * Mermaid's own parser (mermaid 11, a devDependency), so a diagram segsync writes with a syntax
 * error fails the test that made it. Mermaid expects a browser: a JSDOM window stands in for one.
 * Loaded once per test file, on first use.
 */
import {JSDOM} from 'jsdom'

let loaded: Promise<{parse: (text: string) => Promise<unknown>}> | undefined

async function mermaid() {
  const {window} = new JSDOM('<!doctype html><html><body></body></html>')
  const g = globalThis as Record<string, unknown>
  g.window ??= window
  g.document ??= window.document
  g.DOMParser ??= window.DOMParser
  const m = (await import('mermaid')).default
  m.initialize({startOnLoad: false})
  return m
}

/** Parses `text` (raw Mermaid, not fenced); resolves to the diagram type, throws on a syntax error. */
export async function parseMermaid(text: string): Promise<string> {
  loaded ??= mermaid()
  const result = (await (await loaded).parse(text)) as {diagramType: string}
  return result.diagramType
}

/** Every ```mermaid block of a Markdown text, without its fence. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)^```$/gm)].map((m) => m[1]!)
}
