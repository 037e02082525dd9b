/**
 * The two parts of undici the HTTP layer uses, Agent and request, loaded without the rest of the
 * package (fetch, WebSocket, cache stores, mocks): 20 ms instead of 55 ms of a cold CLI run. The
 * paths are undici 7's own files (no `exports` map restricts them; the lockfile pins the version);
 * should they move, the whole package is loaded instead.
 *
 * undici parses HTTP with llhttp compiled to WebAssembly. V8 compiles it twice: at once with its
 * baseline compiler (Liftoff), then again with TurboFan on a background thread, about 200 ms of
 * CPU for a parser that reads a few headers per request; and a finished CLI waits for that
 * compile before it exits (Node drains V8's background tasks), even after one request. WebAssembly
 * stays on Liftoff: a plan exits about 200 ms sooner and leaves the second core to the rest.
 */
import {createRequire} from 'node:module'
import {setFlagsFromString} from 'node:v8'
import type {Agent as AgentType, Dispatcher} from 'undici'

export interface Undici {
  /** Which way it was loaded: its two files, or (they moved) the whole package. */
  source: 'parts' | 'package'
  Agent: typeof AgentType
  request: (agent: Dispatcher, url: URL, options: Omit<Dispatcher.RequestOptions, 'origin' | 'path'>) => Promise<Dispatcher.ResponseData>
}

const require = createRequire(import.meta.url)
let loaded: Undici | undefined

export function loadUndici(): Undici {
  if (loaded) return loaded
  // Before llhttp is compiled (the first connection); segsync runs no other WebAssembly.
  setFlagsFromString('--liftoff-only')
  try {
    const Agent = require('undici/lib/dispatcher/agent.js') as typeof AgentType
    const api = require('undici/lib/api/index.js') as {request: (this: Dispatcher, options: Dispatcher.RequestOptions) => Promise<Dispatcher.ResponseData>}
    loaded = {source: 'parts', Agent, request: (agent, url, options) => api.request.call(agent, {...options, origin: url.origin, path: `${url.pathname}${url.search}`})}
  } catch {
    const undici = require('undici') as typeof import('undici')
    loaded = {source: 'package', Agent: undici.Agent, request: (agent, url, options) => undici.request(url, {...options, dispatcher: agent})}
  }
  return loaded
}
