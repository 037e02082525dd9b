/**
 * `build(array)` kept per array, and built again when the array's length changed: for what the
 * plan derives from its definitions (their index by name, their references), which it takes
 * while the vendor answers and uses again after.
 */
export function perArray<A extends readonly unknown[], T>(build: (array: A) => T): (array: A) => T {
  const kept = new WeakMap<A, {length: number; value: T}>()
  return (array) => {
    const known = kept.get(array)
    if (known && known.length === array.length) return known.value
    const value = build(array)
    kept.set(array, {length: array.length, value})
    return value
  }
}
