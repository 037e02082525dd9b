/* Generated from schemas/common.schema.json by scripts/gen-types.mjs. Do not edit: change the schema and run `npm run gen:types`. */

/** The fields every definition may have whatever its vendor: the properties of AbsentSegment. */
export const COMMON_FIELDS = ['$schema', 'name', 'renamedFrom', 'dependsOn', 'protected', 'ensure'] as const
