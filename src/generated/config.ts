/* Generated from schemas/config.schema.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen:types`. */

/**
 * segsync configuration: one or more workspaces (a vendor account and a folder of definitions) and the apply policy. A config with a single workspace may be written flat.
 */
export type SegsyncConfig = WorkspacesConfig | FlatConfig
/**
 * Which vendor this workspace talks to.
 */
export type ProviderId = 'mailglyph' | 'kibamail' | 'sequenzy' | 'push0' | 'altcraft'
/**
 * Folder of definitions, relative to the config file, read recursively (*.json and *.ts).
 */
export type SegmentsFolder = string
/**
 * NAME of the environment variable holding the API key. The key itself never appears in config. Not needed with `endpoint: 'embedded'`.
 */
export type ApiKeyEnv = string
/**
 * The API origin (scheme, host, optional port; no path), or 'embedded' for the built-in emulator with state under .segsync/.
 */
export type Endpoint = string
/**
 * With endpoint 'embedded': a JSON file of emulator state (segments, campaigns, sequences) used when .segsync/ holds no state yet.
 */
export type EmulatorSeed = string
/**
 * Delete remote segments that no file manages (shown loudly in the plan; still needs `apply --allow-delete`).
 */
export type Prune = boolean

export interface WorkspacesConfig {
  $schema?: string
  /**
   * Workspaces by name. `--workspace/-w NAME` selects one; the default is all.
   */
  workspaces: {
    [k: string]: Workspace
  }
  policy?: Policy
}
export interface Workspace {
  provider: ProviderId
  segments: SegmentsFolder
  apiKeyEnv?: ApiKeyEnv
  endpoint?: Endpoint
  emulatorSeed?: EmulatorSeed
  rateLimit?: RateLimit
  prune?: Prune
}
/**
 * Overrides the provider's documented request budget (for accounts on a higher tier).
 */
export interface RateLimit {
  perSecond?: number
  perMinute?: number
}
export interface Policy {
  /**
   * 'block' (default): apply refuses when a change touches an active campaign, unless --allow-campaign-impact. 'warn': it only warns.
   */
  campaignImpact?: 'block' | 'warn'
  /**
   * For vendors whose campaign usage cannot be read: 'warn' (default) or 'block' like a known impact.
   */
  unknownUsage?: 'warn' | 'block'
  /**
   * Block a change whose audience swings past a limit (current → proposed, where the vendor's counts tell both): apply refuses it (exit 6) unless --allow-audience-change. Unknown counts never block.
   */
  audienceChange?: {
    /**
     * e.g. 50: a change that removes more than half of the current members is blocked.
     */
    maxDropPercent?: number
    /**
     * e.g. 200: a change that more than triples the audience is blocked.
     */
    maxGrowthPercent?: number
  }
}
/**
 * A single workspace written at the top level; its name is `default`.
 */
export interface FlatConfig {
  $schema?: string
  provider: ProviderId
  segments: SegmentsFolder
  apiKeyEnv?: ApiKeyEnv
  endpoint?: Endpoint
  emulatorSeed?: EmulatorSeed
  rateLimit?: RateLimit
  prune?: Prune
  policy?: Policy
}
