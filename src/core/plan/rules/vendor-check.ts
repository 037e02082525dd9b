import type {Rule} from './rule.js'

/** What the vendor itself says about a definition before we write it (ProviderClient.verify). */
export const vendorCheck: Rule = (change, ctx) =>
  change.action === 'delete' ? [] : ctx.findings.filter((f) => f.name === change.name).map((f) => ({rule: 'vendor-check' as const, level: f.level, message: f.message}))
