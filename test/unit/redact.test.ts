import {describe, expect, it} from 'vitest'
import {redact, registerSecret} from '../../src/util/redact.js'

describe('redact', () => {
  it('masks a registered key in raw, URL-encoded, JSON-escaped and base64 forms', () => {
    const key = 'sk_live_s3cr/t+"key"==42'
    registerSecret(key)
    const text = [key, encodeURIComponent(key), JSON.stringify(key), Buffer.from(key).toString('base64'), Buffer.from(`Bearer ${key}`).toString('base64')].join(' | ')
    const out = redact(text)
    expect(out).not.toContain(key)
    expect(out).not.toContain(encodeURIComponent(key))
    expect(out).not.toContain(Buffer.from(key).toString('base64'))
    expect(out.match(/\*\*\*/g)!.length).toBeGreaterThanOrEqual(5)
  })
})
