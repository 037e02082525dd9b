/**
 * Kleene's three-valued logic for the evaluators: a condition the evaluator cannot decide offline
 * is 'unknown', and it decides the result only when the known parts do not (false AND unknown is
 * false; true OR unknown is true).
 */
import type {Explained, Truth} from '../../core/provider.js'

export function all(values: Truth[]): Truth {
  if (values.includes(false)) return false
  return values.includes('unknown') ? 'unknown' : true
}

export function any(values: Truth[]): Truth {
  if (values.includes(true)) return true
  return values.includes('unknown') ? 'unknown' : false
}

export function not(value: Truth): Truth {
  return value === 'unknown' ? 'unknown' : !value
}

/** A group node: its children combined by `join`. */
export function group(join: 'AND' | 'OR', children: Explained[]): Explained {
  return {text: join, join, value: join === 'AND' ? all(children.map((c) => c.value)) : any(children.map((c) => c.value)), children}
}

export function negation(child: Explained): Explained {
  return {text: 'NOT', join: 'NOT', value: not(child.value), children: [child]}
}

/** A leaf whose value the evaluator decided. */
export function leaf(text: string, value: boolean): Explained {
  return {text, value}
}

/** A leaf the evaluator cannot decide offline, and what it would need. */
export function undecidable(text: string, because: string): Explained {
  return {text, value: 'unknown', because}
}
