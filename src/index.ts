/**
 * `import {defineConfig} from 'segsync'` — typed config for segsync.config.ts. Kept free of heavy
 * imports: TS configs and definitions load this module.
 */
import type {SegsyncConfig} from './generated/config.js'

export type * from './generated/config.js'

export function defineConfig(config: SegsyncConfig): SegsyncConfig {
  return config
}
