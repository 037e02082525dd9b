import type {DefinitionSource, JsonPath, Problem} from '../model.js'
import {toPointer} from '../../util/text.js'
import {byText} from '../../util/order.js'

/** A problem at `path` inside a definition file, with line and column when the file has them. */
export function problemAt(
  source: DefinitionSource,
  path: JsonPath,
  message: string,
  extra: {hint?: string; at?: 'key' | 'value'} = {},
): Problem {
  const pos = source.locate(path, extra.at)
  return {
    file: source.file,
    ...(pos ? {line: pos.line, column: pos.column} : {}),
    path: toPointer(path) || '/',
    message,
    ...(extra.hint ? {hint: extra.hint} : {}),
  }
}

export function where(source: DefinitionSource, path: JsonPath = ['name']): string {
  const pos = source.locate(path)
  return pos ? `${source.file}:${pos.line}:${pos.column}` : source.file
}

/** Problems in a stable order: by file, then position, then message. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      byText(a.file, b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      byText(a.message, b.message),
  )
}
