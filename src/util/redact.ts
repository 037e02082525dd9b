/**
 * Secrets never reach any output. Every secret segsync reads (API keys) is registered here;
 * everything written to stdout, stderr or a file passes through `redact` (the write hooks in
 * `installOutputRedaction` catch what a code path forgot).
 */
const secrets = new Set<string>()
const MASK = '***'

export function registerSecret(secret: string | undefined): void {
  if (!secret || secret.length < 4) return
  for (const form of encodings(secret)) secrets.add(form)
}

function encodings(secret: string): string[] {
  const forms = [
    secret,
    encodeURIComponent(secret),
    JSON.stringify(secret).slice(1, -1),
    Buffer.from(secret).toString('base64'),
    Buffer.from(secret).toString('base64url'),
    Buffer.from(`Bearer ${secret}`).toString('base64'),
  ]
  return [...new Set(forms)].filter((f) => f.length >= 4)
}

export function redact(text: string): string {
  if (secrets.size === 0) return text
  let out = text
  // Longest first, so an encoding that contains the raw key is masked whole.
  for (const s of [...secrets].sort((a, b) => b.length - a.length)) {
    if (out.includes(s)) out = out.split(s).join(MASK)
  }
  return out
}

let installed = false
/** Wrap process.stdout/stderr so nothing written there can carry a registered secret. */
export function installOutputRedaction(): void {
  if (installed) return
  installed = true
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (...args: unknown[]) => boolean
    stream.write = (chunk: unknown, ...rest: unknown[]) => {
      if (typeof chunk === 'string') return write(redact(chunk), ...rest)
      if (chunk instanceof Uint8Array && secrets.size > 0) return write(redact(Buffer.from(chunk).toString('utf8')), ...rest)
      return write(chunk, ...rest)
    }
  }
}
