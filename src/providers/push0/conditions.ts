/**
 * Push0's relations. Its docs write them two ways: the relation table uses symbols (`==`,
 * `starts_with`…) while the prose says "e.g. EQUALS, CONTAINS" and one example sends
 * `"relation": "EQUALS"` (seed 003). Definitions always use the table's symbols (vendors.md §4.4
 * ASSUMPTION); upper-case aliases seen in remote data are read as the symbol they stand for, so a
 * segment written with `EQUALS` in the dashboard never shows as a diff against `==`.
 */
export const RELATION_ALIASES: Readonly<Record<string, string>> = {
  EQUALS: '==',
  NOT_EQUALS: '!=',
  CONTAINS: 'contains',
  STARTS_WITH: 'starts_with',
  ENDS_WITH: 'ends_with',
  EXISTS: 'exists',
}

/** The table symbol for a relation as the API returned it (unknown values pass through unchanged). */
export function canonicalRelation(relation: string): string {
  return RELATION_ALIASES[relation] ?? relation
}
