/**
 * Vendor answers are untrusted input. Each vendor's answers have a contract,
 * schemas/<vendor>/responses.schema.json, one `$defs` entry per answer; extra fields are fine
 * (vendors add fields), a missing or mistyped field, another envelope, HTML, an empty body or an
 * id of the wrong type is not. A read outside its contract stops the run before any write
 * (ContractError); a write answered outside it is uncertain (UncertainWriteError: apply re-reads).
 */
import {ContractError, UncertainWriteError, type ContractBreach} from '../../errors.js'
import type {JsonPath} from '../../core/model.js'
import {schemaValidator} from '../../core/validate/schema.js'
import {schemaPath} from '../../util/package-root.js'
import {redact} from '../../util/redact.js'
import {toPointer} from '../../util/text.js'

export interface Answer {
  body: unknown
  /** The raw text, for what came when the body is not what was expected. */
  text?: string
}

export interface Contract {
  /** Where `body` leaves the answer `def`, or undefined when it keeps to it. */
  breach(def: string, answer: Answer, route: string): ContractBreach | undefined
  /** The body of a read, typed, or a ContractError. */
  read<T>(def: string, answer: Answer, route: string): T
  /** The body of a write's answer, typed, or an UncertainWriteError (the write may have landed). */
  written<T>(def: string, answer: Answer, route: string): T
}

export function contract(vendor: string, schema: string): Contract {
  const file = schemaPath(schema)
  const breach = (def: string, answer: Answer, route: string): ContractBreach | undefined => {
    const [issue] = schemaValidator(file, def).validate(answer.body)
    if (!issue) return undefined
    return {vendor, route, path: toPointer(issue.path), expected: expectation(issue.message), got: shown(valueAt(answer, issue.path))}
  }
  return {
    breach,
    read<T>(def: string, answer: Answer, route: string): T {
      const found = breach(def, answer, route)
      if (found) throw new ContractError(found)
      return answer.body as T
    },
    written<T>(def: string, answer: Answer, route: string): T {
      const found = breach(def, answer, route)
      if (found) {
        throw new UncertainWriteError(`${vendor} answered ${route} outside the contract segsync relies on (at ${found.path || '(the whole body)'} expected ${found.expected}, got ${found.got}): the write may or may not have landed`, found)
      }
      return answer.body as T
    },
  }
}

/**
 * "id must be a string" → "id to be a string"; "missing required property "x"" → "a property "x"";
 * "x "v" does not match the expected format (re)" → "x to match re" (what came is shown beside it);
 * the validator's name for the whole value, "the definition", is the vendor's body here.
 */
function expectation(message: string): string {
  return message
    .replace(/^the definition\b/, 'the body')
    .replace(/^missing required property /, 'a property ')
    .replace(/ must be /, ' to be ')
    .replace(/ must have /, ' to have ')
    .replace(/^(.*?) ".*" does not match the expected format \((.*)\)$/s, '$1 to match $2')
}

function valueAt(answer: Answer, path: JsonPath): unknown {
  if (path.length === 0 && (answer.body === undefined || answer.body === '')) return answer.text ?? answer.body
  let at: unknown = answer.body
  for (const key of path) at = at === null || typeof at !== 'object' ? undefined : (at as Record<string | number, unknown>)[key]
  return at
}

/** What came, in one short line: `an empty body`, `"<!DOCTYPE html><html>…"`, `{"data":[…` (redacted). */
export function shown(value: unknown): string {
  if (value === undefined || value === '') return value === '' ? 'an empty body' : 'nothing'
  const text = JSON.stringify(value) ?? typeof value
  const cut = text.length > 120 ? `${text.slice(0, 120)}…` : text
  return redact(cut)
}
