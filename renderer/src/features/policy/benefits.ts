import type { TFunction } from 'i18next'
import type { ServicePolicy, ValueTier } from '../../../../shared/tiering'

/**
 * A tier's benefits as the reader should see them: the manager's own text, or, where the policy
 * keeps the standard (null), the standard benefits in the reader's language (Key and Mid have
 * some; Small and Ordinary none).
 */
export function benefitsText(t: TFunction, tier: ValueTier, benefits: ServicePolicy['benefits']): string {
  if (benefits !== null) return benefits
  return tier === 'key' || tier === 'mid' ? t(`policy.defaultBenefits.${tier}`) : ''
}
