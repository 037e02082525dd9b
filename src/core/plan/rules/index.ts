import {audienceChange} from './audience-change.js'
import {campaignImpact} from './campaign-impact.js'
import {deleteNeedsFlag} from './delete-needs-flag.js'
import {massDelete} from './mass-delete.js'
import {protectedSegment} from './protected-segment.js'
import {readOnly} from './read-only.js'
import {referencedDelete} from './referenced-delete.js'
import type {Rule} from './rule.js'
import {unknownUsage} from './unknown-usage.js'
import {vendorCheck} from './vendor-check.js'

/** Every rule, in the order their risks are listed. */
export const rules: Rule[] = [readOnly, protectedSegment, referencedDelete, massDelete, deleteNeedsFlag, vendorCheck, campaignImpact, unknownUsage, audienceChange]
export {applyRules, type RuleContext} from './rule.js'
