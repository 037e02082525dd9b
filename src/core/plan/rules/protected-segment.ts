import type {Rule} from './rule.js'

/** `protected: true` can never be deleted, whatever the flags (like Terraform's prevent_destroy). */
export const protectedSegment: Rule = (change, ctx) => {
  if (change.action !== 'delete' || !ctx.definitions.get(change.name)?.protected) return []
  return [{rule: 'protected', level: 'block', message: `${JSON.stringify(change.name)} is protected: remove \`protected: true\` from its definition first`}]
}
