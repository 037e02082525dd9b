/**
 * Definition files as a person would write them: JSON with `$schema`, or TS with the typed
 * helpers (`defineSegment`, `segment('name')` for references).
 */
import {isSegmentRef} from '../graph/references.js'

export function toJsonFile(definition: Record<string, unknown>, schema: string): string {
  return JSON.stringify({$schema: schema, ...definition}, null, 2) + '\n'
}

export function toTsFile(definition: Record<string, unknown>, provider: string): string {
  let usesRef = false
  const render = (value: unknown, indent: string): string => {
    if (isSegmentRef(value)) {
      usesRef = true
      return `segment(${quote(value.$segment)})`
    }
    if (Array.isArray(value)) {
      if (value.length === 0) return '[]'
      const inner = indent + '  '
      return `[\n${value.map((v) => `${inner}${render(v, inner)},`).join('\n')}\n${indent}]`
    }
    if (value && typeof value === 'object') {
      const entries = Object.entries(value).filter(([, v]) => v !== undefined)
      if (entries.length === 0) return '{}'
      const inner = indent + '  '
      return `{\n${entries.map(([k, v]) => `${inner}${key(k)}: ${render(v, inner)},`).join('\n')}\n${indent}}`
    }
    return typeof value === 'string' ? quote(value) : JSON.stringify(value)
  }
  const body = render(definition, '')
  const imports = usesRef ? 'defineSegment, segment' : 'defineSegment'
  return `import {${imports}} from 'segsync/${provider}'\n\nexport default defineSegment(${body})\n`
}

function key(k: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(k) ? k : quote(k)
}

function quote(s: string): string {
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')}'`
}
