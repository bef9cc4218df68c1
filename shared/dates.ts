// Calendar dates (YYYY-MM-DD) as the user lives them, the same in main and in the renderer.

/** The calendar date of an instant in a time zone: one instant can be two dates. */
export function localDate(instant: Date, timeZone: string): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(instant)
}

/** Today's calendar date in this machine's time zone: the team's "today" for every window and form. */
export function localToday(): string {
  return localDate(new Date(), Intl.DateTimeFormat().resolvedOptions().timeZone)
}
