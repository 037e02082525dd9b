import type {Rule} from './rule.js'
import {countText} from '../../../util/numbers.js'

/**
 * `policy.audienceChange`: a change whose audience swings past a limit (current → proposed, both
 * known) is blocked until `--allow-audience-change`. An unknown count never blocks.
 */
export const audienceChange: Rule = (change, ctx) => {
  const limits = ctx.policy.audienceChange
  const {current, proposed, capped} = change.audience
  if (!limits || current === null || proposed === null || current === proposed) return []
  // A capped count is a lower bound; the swing it shows is then the least the real one can be.
  const people = (n: number) => `${countText(n, capped)} ${n === 1 ? 'person' : 'people'}`
  if (proposed < current && limits.maxDropPercent !== undefined) {
    const drop = current === 0 ? 0 : ((current - proposed) / current) * 100
    if (drop > limits.maxDropPercent) {
      return [{rule: 'audience-change', level: 'block', message: `narrows the audience from ${people(current)} to ${people(proposed)} (−${Math.round(drop)}%), more than policy.audienceChange.maxDropPercent (${limits.maxDropPercent}%) allows`, allowFlag: '--allow-audience-change'}]
    }
  }
  if (proposed > current && limits.maxGrowthPercent !== undefined) {
    const growth = current === 0 ? Infinity : ((proposed - current) / current) * 100
    if (growth > limits.maxGrowthPercent) {
      const shown = Number.isFinite(growth) ? `+${Math.round(growth)}%` : 'from nobody'
      return [{rule: 'audience-change', level: 'block', message: `widens the audience from ${people(current)} to ${people(proposed)} (${shown}), more than policy.audienceChange.maxGrowthPercent (${limits.maxGrowthPercent}%) allows`, allowFlag: '--allow-audience-change'}]
    }
  }
  return []
}
