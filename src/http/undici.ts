/**
 * The two parts of undici the HTTP layer uses, Agent and request, loaded without the rest of the
 * package (fetch, WebSocket, cache stores, mocks): 20 ms instead of 55 ms of a cold CLI run. The
 * paths are undici 7's own files (no `exports` map restricts them; the lockfile pins the version);
 * should they move, the whole package is loaded instead.
 */
import {createRequire} from 'node:module'
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
