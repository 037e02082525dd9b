/**
 * Reading request parameters the way a typed server does: integers must be JSON integers and
 * booleans JSON booleans (a string "5" where an int is expected is an incorrect request).
 */
import {assumptions} from './assumptions.js'
import {ApiError} from './errors.js'

export type Params = Record<string, unknown>

const bad = (message: string) => new ApiError(assumptions.codes.badRequest, message)

export function int(p: Params, key: string, where = key): number | undefined {
  const v = p[key]
  if (v === undefined || v === null) return undefined
  if (typeof v !== 'number' || !Number.isInteger(v)) throw bad(`${where} must be an integer`)
  return v
}

export function requiredInt(p: Params, key: string, where = key): number {
  const v = int(p, key, where)
  if (v === undefined) throw bad(`${where} is required`)
  return v
}

export function bool(p: Params, key: string): boolean | undefined {
  const v = p[key]
  if (v === undefined || v === null) return undefined
  if (typeof v !== 'boolean') throw bad(`${key} must be a boolean`)
  return v
}

export function requiredName(p: Params): string {
  if (typeof p.name !== 'string' || p.name.trim() === '') throw bad('name is required')
  return p.name
}

export function strings(p: Params, key: string): string[] | undefined {
  const v = p[key]
  if (v === undefined || v === null) return undefined
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw bad(`${key} must be an array of strings`)
  return v as string[]
}

export function ints(p: Params, key: string): number[] | undefined {
  const v = p[key]
  if (v === undefined || v === null) return undefined
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'number' || !Number.isInteger(x))) throw bad(`${key} must be an array of integers`)
  return v as number[]
}
