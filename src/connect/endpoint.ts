/**
 * Where a workspace's vendor is and which key it takes: the workspace's `endpoint` (an API origin)
 * or the provider's default origin, and the key from the environment variable the config names.
 * The key never comes from the config itself.
 */
import {AuthError, ConfigError} from '../errors.js'
import {FIELD_VALUE} from '../http/http1-syntax.js'
import type {Provider} from '../core/provider.js'
import type {Workspace} from '../core/model.js'

export interface ResolvedEndpoint {
  /** API origin without a trailing slash. */
  endpoint: string
  apiKey: string
}

export function resolveEndpoint(ws: Workspace, provider: Provider, env: NodeJS.ProcessEnv): ResolvedEndpoint {
  const endpoint = ws.endpoint ?? provider.defaults.endpoint
  if (!endpoint) {
    throw new ConfigError(`workspace ${ws.name}: ${provider.label} has no default API origin; set "endpoint" (e.g. https://your-host)`, `Or use endpoint: 'embedded' to try segsync against the built-in ${provider.label} emulator.`)
  }
  const keyEnv = ws.apiKeyEnv ?? provider.defaults.apiKeyEnv
  const apiKey = env[keyEnv]
  if (!apiKey) {
    throw new AuthError(`workspace ${ws.name}: the ${provider.label} API key is not set: environment variable ${keyEnv} is empty`, `Export ${keyEnv}=<your ${provider.label} API key> (in CI: a repository or environment secret).`)
  }
  // The key goes into a header: a line break (a secret saved with `echo`) or a character a
  // header cannot carry would fail every request the same way. Said once, before any is sent;
  // the key itself is never shown.
  if (!FIELD_VALUE.test(apiKey)) {
    const what = /[\r\n]/.test(apiKey) ? 'a line break' : 'a character an HTTP header cannot carry'
    throw new AuthError(`workspace ${ws.name}: the ${provider.label} API key in ${keyEnv} holds ${what}; nothing was sent`, `Set ${keyEnv} again without it (a secret written with \`echo\` ends in a newline; \`printf %s\` does not).`)
  }
  return {endpoint: endpoint.replace(/\/$/, ''), apiKey}
}
