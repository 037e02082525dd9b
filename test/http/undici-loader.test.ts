// The HTTP layer loads only undici's Agent and request (src/http/undici.ts). Should undici move
// those files, the loader falls back to the whole package and works, only slower: this test says so.
import {createRequire} from 'node:module'
import {expect, it} from 'vitest'
import {loadUndici} from '../../src/http/undici.js'

it('loads undici Agent from its own file, the class the package exports', () => {
  const undici = createRequire(import.meta.url)('undici') as typeof import('undici')
  const loaded = loadUndici()
  expect(loaded.source).toBe('parts')
  expect(loaded.Agent).toBe(undici.Agent)
})
