// Mantine's Tooltip, mounted only once its target is first hovered or focused. Every Tooltip
// mounts a portal and a transition of its own, each finishing in an effect that renders again:
// a customer page with forty pencils and row actions took two extra full commits to settle, for
// hints most users never call up.
//
// The target stays where it is in the tree (the bubble mounts beside it and points at it through
// `target`): wrapping it in a Tooltip on first use would remount it and drop the keyboard focus
// that asked for the hint. Open and closed are ours to say, since a `target` Tooltip listens to
// nothing itself; keyboard focus shows the hint too, not only the pointer.
import { Tooltip } from '@mantine/core'
import type { TooltipProps } from '@mantine/core'
import { useMergedRef } from '@mantine/hooks'
import { cloneElement, useEffect, useRef, useState } from 'react'
import type { FocusEvent, KeyboardEvent, MouseEvent, ReactElement, Ref } from 'react'

type TargetProps = {
  ref?: Ref<HTMLElement>
  onMouseEnter?: (e: MouseEvent) => void
  onMouseLeave?: (e: MouseEvent) => void
  onFocus?: (e: FocusEvent) => void
  onBlur?: (e: FocusEvent) => void
  onKeyDown?: (e: KeyboardEvent) => void
}

export function HoverTip({
  children,
  ...props
}: Omit<TooltipProps, 'children' | 'target' | 'opened'> & { children: ReactElement<TargetProps> }) {
  const own = children.props
  const node = useRef<HTMLElement>(null)
  const ref = useMergedRef(node, own.ref)
  const [open, setOpen] = useState(false)
  const [armed, setArmed] = useState(false)
  // `openDelay` is ours to honour too (a controlled Tooltip ignores it): the calendar's chips wait,
  // so a pointer crossing the grid does not flash a hint on every chip.
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const show = () => {
    setArmed(true)
    clearTimeout(timer.current)
    if (props.openDelay) timer.current = setTimeout(() => setOpen(true), props.openDelay)
    else setOpen(true)
  }
  const hide = () => {
    clearTimeout(timer.current)
    setOpen(false)
  }
  useEffect(() => () => clearTimeout(timer.current), [])
  return (
    <>
      {cloneElement(children, {
        ref,
        onMouseEnter: (e: MouseEvent) => {
          own.onMouseEnter?.(e)
          show()
        },
        onMouseLeave: (e: MouseEvent) => {
          own.onMouseLeave?.(e)
          hide()
        },
        onFocus: (e: FocusEvent) => {
          own.onFocus?.(e)
          // Keyboard focus, not the focus a click gives.
          if (e.target.matches(':focus-visible')) show()
        },
        onBlur: (e: FocusEvent) => {
          own.onBlur?.(e)
          hide()
        },
        // A hint can be dismissed without moving (WCAG 1.4.13).
        onKeyDown: (e: KeyboardEvent) => {
          own.onKeyDown?.(e)
          if (e.key === 'Escape') hide()
        },
      })}
      {armed && <Tooltip {...props} target={node} opened={open} />}
    </>
  )
}
