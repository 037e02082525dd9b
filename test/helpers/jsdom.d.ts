/** The little of jsdom (a devDependency without bundled types) that test/helpers/mermaid.ts uses. */
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string)
    readonly window: {document: unknown; DOMParser: unknown}
  }
}
