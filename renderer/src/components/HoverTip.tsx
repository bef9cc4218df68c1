// Mantine's Tooltip, mounted only once its target is first hovered or focused. Every Tooltip
// mounts a portal and a transition of its own, each finishing in an effect that renders again:
// a customer page with forty pencils and row actions took two extra full commits to settle, for
// hints most users never call up.
import { Tooltip } from '@mantine/core'
import type { TooltipProps } from '@mantine/core'
import { cloneElement, useState } from 'react'
import type { FocusEvent, MouseEvent, ReactElement } from 'react'

type TargetProps = {
  onMouseEnter?: (e: MouseEvent) => void
  onFocus?: (e: FocusEvent) => void
}

export function HoverTip({ children, ...props }: TooltipProps & { children: ReactElement<TargetProps> }) {
  const [armed, setArmed] = useState(false)
  // Opened from the start: the hover or focus that armed it has already happened. Keyboard focus
  // shows the hint too (Mantine's default is hover only), so keyboard users read it as well.
  if (armed)
    return (
      <Tooltip defaultOpened events={{ hover: true, focus: true, touch: false }} {...props}>
        {children}
      </Tooltip>
    )
  const own = children.props
  return cloneElement(children, {
    onMouseEnter: (e: MouseEvent) => {
      own.onMouseEnter?.(e)
      setArmed(true)
    },
    onFocus: (e: FocusEvent) => {
      own.onFocus?.(e)
      // Only keyboard focus shows a hint, as Mantine's focus event does (not a click's focus).
      if (e.target.matches(':focus-visible')) setArmed(true)
    },
  })
}
