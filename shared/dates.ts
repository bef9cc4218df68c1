// Calendar dates (YYYY-MM-DD) as the user lives them, the same in main and in the renderer.

// Building an Intl.DateTimeFormat costs tens of microseconds, and "today" is asked for on every
// tier evaluation (thousands per import batch): one formatter per zone, kept.
const formatters = new Map<string, Intl.DateTimeFormat>()
let machineZone: { zone: string; readAt: number } | null = null

/** The calendar date of an instant in a time zone: one instant can be two dates. */
export function localDate(instant: Date, timeZone: string): string {
  let f = formatters.get(timeZone)
  if (!f) {
    // en-CA formats dates as YYYY-MM-DD.
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    formatters.set(timeZone, f)
  }
  return f.format(instant)
}

/** Today's calendar date in this machine's time zone: the team's "today" for every window and form. */
export function localToday(): string {
  const now = new Date()
  // Read again each minute: a laptop flown to a trade fair changes zone while the app runs.
  if (!machineZone || now.getTime() - machineZone.readAt > 60_000)
    machineZone = { zone: Intl.DateTimeFormat().resolvedOptions().timeZone, readAt: now.getTime() }
  return localDate(now, machineZone.zone)
}
