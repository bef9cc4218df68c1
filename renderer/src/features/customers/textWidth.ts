// Text widths measured in the page's own font, for laying out columns before anything renders: a
// column must be at least as wide as its longest tier name or header word in the UI language.

let context: CanvasRenderingContext2D | null | undefined
const cache = new Map<string, number>()
// The theme's family, read once: getComputedStyle in the middle of a render (a language switch
// re-measures the columns) forced a style recalculation of the whole page each call, 25 ms a switch.
let bodyFamily = ''

/** Width in px of `text` drawn in `font` ("600 14px") with the body's font family; 0 where no canvas. */
export function textWidth(text: string, font: string): number {
  bodyFamily ||= getComputedStyle(document.body).fontFamily
  const family = bodyFamily
  const key = `${font} ${family}\u0000${text}`
  const cached = cache.get(key)
  if (cached !== undefined) return cached
  context ??= document.createElement('canvas').getContext('2d')
  if (!context) return 0
  context.font = `${font} ${family}`
  const width = context.measureText(text).width
  cache.set(key, width)
  return width
}
