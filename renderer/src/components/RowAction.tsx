// An icon button acting on one row of a card's list (edit, delete): the tooltip names the action,
// the accessible name names the row too ("Delete the order of 3 March"), so a screen reader user
// moving from button to button hears which row each one acts on.
import { ActionIcon } from '@mantine/core'
import { HoverTip } from './HoverTip'
import type { ComponentType } from 'react'

type IconProps = { size?: number; 'aria-hidden'?: boolean }

export function RowAction({
  icon: Icon,
  label,
  rowLabel,
  onClick,
  danger = false,
  size = 16,
}: {
  icon: ComponentType<IconProps>
  /** The action alone, shown on hover ("Delete"). */
  label: string
  /** The action and its row, for assistive technology ("Delete Jean Dupont"). */
  rowLabel: string
  onClick: () => void
  danger?: boolean
  size?: number
}) {
  return (
    <HoverTip label={label}>
      <ActionIcon variant="subtle" color={danger ? 'red' : undefined} onClick={onClick} aria-label={rowLabel}>
        <Icon size={size} aria-hidden />
      </ActionIcon>
    </HoverTip>
  )
}
