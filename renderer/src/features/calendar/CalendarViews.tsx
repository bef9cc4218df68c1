// The month and week grids and the agenda list (SPEC R5). The grids are ARIA grids: one day is in
// the Tab order at a time, arrow keys move between days (across months), Tab goes to the day's
// entries, Enter on a day starts a reminder on it and Enter on an entry opens it.
import { useEffect, useMemo, useRef } from 'react'
import type { KeyboardEvent } from 'react'
import { Button, Group, Menu, Text } from '@mantine/core'
import { IconAlarmSnooze, IconCheck, IconChevronDown, IconPlayerSkipForward } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useFormatters } from '../../i18n/format'
import { EntryChip } from './EntryChip'
import { addDays, byDay, isRange, monthOf } from './model'
import type { ShownEntry } from './model'
import { useOccurrenceActions } from './actions'
import classes from './Calendar.module.css'

// What a month cell shows before "+N more" (the week view shows everything).
const MONTH_SINGLES = 3
const MONTH_BANDS = 2

type GridProps = {
  days: string[]
  entries: ShownEntry[]
  /** Per day, the reminders, duties and birthdays main left out of the answer (perDay). */
  hidden: Record<string, number>
  /** The month shown (YYYY-MM): days outside it are dimmed. */
  month: string | null
  today: string
  focusedDay: string
  onFocusDay: (day: string) => void
  onOpen: (e: ShownEntry) => void
  onCreate: (day: string) => void
  onShowDay: (day: string) => void
  label: string
  week?: boolean
}

export function DayGrid({
  days,
  entries,
  hidden: leftOut,
  month,
  today,
  focusedDay,
  onFocusDay,
  onOpen,
  onCreate,
  onShowDay,
  label,
  week = false,
}: GridProps) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const grid = useRef<HTMLDivElement>(null)
  const moved = useRef(false)
  const perDay = useMemo(() => byDay(entries, days), [entries, days])
  const weeks = useMemo(
    () => Array.from({ length: days.length / 7 }, (_, i) => days.slice(i * 7, i * 7 + 7)),
    [days],
  )
  const longDate = useMemo(
    () => new Intl.DateTimeFormat(fmt.locale, { dateStyle: 'full', timeZone: 'UTC' }),
    [fmt.locale],
  )
  const weekday = useMemo(
    () => new Intl.DateTimeFormat(fmt.locale, { weekday: week ? 'long' : 'short', timeZone: 'UTC' }),
    [fmt.locale, week],
  )
  const dayMonth = useMemo(
    () => new Intl.DateTimeFormat(fmt.locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }),
    [fmt.locale],
  )
  const utc = (d: string) => new Date(`${d}T00:00:00Z`)

  // After an arrow key, the day it moved to takes the focus once it is rendered (maybe in the
  // next month's grid).
  useEffect(() => {
    if (!moved.current) return
    const cell = grid.current?.querySelector<HTMLElement>(`[data-day="${focusedDay}"]`)
    if (cell) {
      moved.current = false
      cell.focus()
    }
  }, [focusedDay, days])

  const onKeyDown = (day: string) => (e: KeyboardEvent<HTMLDivElement>) => {
    const step: Record<string, number> = {
      ArrowLeft: -1,
      ArrowRight: 1,
      ArrowUp: -7,
      ArrowDown: 7,
      PageUp: -28,
      PageDown: 28,
    }
    if (e.key in step) {
      e.preventDefault()
      moved.current = true
      onFocusDay(addDays(day, step[e.key]!))
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault()
      moved.current = true
      const index = days.indexOf(day) % 7
      onFocusDay(addDays(day, e.key === 'Home' ? -index : 6 - index))
    } else if (e.key === 'Enter' && e.target === e.currentTarget) {
      e.preventDefault()
      onCreate(day)
    }
  }

  return (
    <div
      ref={grid}
      role="grid"
      aria-label={label}
      className={`${classes.grid} ${week ? classes.week : ''}`}
      data-testid={week ? 'week-grid' : 'month-grid'}
    >
      <div role="row" className={classes.row}>
        {weeks[0]!.map((d) => (
          <div role="columnheader" key={d} className={classes.head} title={weekday.format(utc(d))}>
            {weekday.format(utc(d))}
          </div>
        ))}
      </div>
      {weeks.map((w) => (
        <div role="row" key={w[0]} className={classes.row}>
          {w.map((day, col) => {
            const { single, bands } = perDay.get(day)!
            const focused = day === focusedDay
            const shownBands = week ? bands : bands.slice(0, MONTH_BANDS)
            const shownSingles = week ? single : single.slice(0, MONTH_SINGLES)
            const notMain = leftOut[day] ?? 0
            const hidden = bands.length - shownBands.length + single.length - shownSingles.length + notMain
            const count = bands.length + single.length + notMain
            return (
              <div
                role="gridcell"
                key={day}
                data-day={day}
                data-testid="calendar-day"
                data-outside={(month !== null && monthOf(day) !== month) || undefined}
                data-today={day === today || undefined}
                className={classes.day}
                tabIndex={focused ? 0 : -1}
                aria-selected={focused}
                aria-label={
                  count
                    ? t('calendarui.dayLabel', { date: longDate.format(utc(day)), count })
                    : longDate.format(utc(day))
                }
                onFocus={(e) => e.target === e.currentTarget && !focused && onFocusDay(day)}
                onKeyDown={onKeyDown(day)}
                onDoubleClick={(e) => e.target === e.currentTarget && onCreate(day)}
              >
                <span className={classes.number} aria-hidden>
                  {week || day.endsWith('-01') ? dayMonth.format(utc(day)) : Number(day.slice(8))}
                </span>
                {shownBands.map((b) => (
                  <EntryChip
                    key={b.key}
                    entry={b}
                    band
                    label={b.date === day || col === 0 || day === days[0]}
                    onOpen={onOpen}
                    tabIndex={focused ? 0 : -1}
                  />
                ))}
                {shownSingles.map((e) => (
                  <EntryChip key={e.key} entry={e} onOpen={onOpen} tabIndex={focused ? 0 : -1} />
                ))}
                {hidden > 0 && (
                  <button
                    type="button"
                    className={classes.more}
                    tabIndex={focused ? 0 : -1}
                    onClick={() => onShowDay(day)}
                    data-testid="calendar-more"
                  >
                    {t('calendarui.more', { count: hidden })}
                  </button>
                )}
              </div>
            )
          })}
        </div>
      ))}
    </div>
  )
}

/** The days ahead as a list: each day with something on it, ranges on their first day shown. */
export function AgendaList({
  days,
  entries,
  hidden,
  fullDay,
  onShowAll,
  today,
  onOpen,
}: {
  days: string[]
  entries: ShownEntry[]
  /** Per day, what main left out (perDay): a button shows the day in full. */
  hidden: Record<string, number>
  /** The day shown in full, if any: what it still leaves out needs a filter. */
  fullDay: string | null
  onShowAll: (day: string) => void
  today: string
  onOpen: (e: ShownEntry) => void
}) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const first = days[0]!
  const heading = useMemo(
    () =>
      new Intl.DateTimeFormat(fmt.locale, {
        weekday: 'long',
        month: 'long',
        day: 'numeric',
        timeZone: 'UTC',
      }),
    [fmt.locale],
  )
  const groups = useMemo(() => {
    const map = new Map<string, ShownEntry[]>()
    for (const e of entries) {
      const day = isRange(e) && e.date < first ? first : e.date
      if (!map.has(day)) map.set(day, [])
      map.get(day)!.push(e)
    }
    return [...map.entries()].sort(([a], [b]) => a.localeCompare(b))
  }, [entries, first])
  if (groups.length === 0)
    return (
      <Text c="dimmed" data-testid="agenda-empty">
        {t('calendarui.agendaEmpty', { count: days.length })}
      </Text>
    )
  return (
    <div className={classes.agenda} data-testid="agenda">
      {groups.map(([day, list]) => (
        <section key={day} className={classes.agendaDay} aria-labelledby={`agenda-${day}`} data-day={day}>
          <div>
            <Text id={`agenda-${day}`} fw={600} size="sm" c={day === today ? 'teal.8' : undefined}>
              {heading.format(new Date(`${day}T00:00:00Z`))}
            </Text>
            {day === today && (
              <Text size="xs" c="teal.8">
                {t('calendarui.today')}
              </Text>
            )}
          </div>
          <div>
            {list.map((e) => (
              <AgendaRow key={e.key} entry={e} onOpen={onOpen} />
            ))}
            {(hidden[day] ?? 0) > 0 &&
              (day === fullDay ? (
                <Text size="sm" c="dimmed" data-testid="agenda-narrow">
                  {t('calendarui.moreNarrow', { count: hidden[day] })}
                </Text>
              ) : (
                <button
                  type="button"
                  className={classes.more}
                  onClick={() => onShowAll(day)}
                  title={t('calendarui.showAll')}
                  data-testid="agenda-more"
                >
                  {t('calendarui.more', { count: hidden[day] })}
                </button>
              ))}
          </div>
        </section>
      ))}
    </div>
  )
}

function AgendaRow({ entry, onOpen }: { entry: ShownEntry; onOpen: (e: ShownEntry) => void }) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const act = useOccurrenceActions()
  const range = isRange(entry)
  const actionable = entry.kind === 'reminder' && (entry.state === undefined || entry.state === 'open')
  return (
    <div className={classes.agendaRow} data-testid="agenda-row">
      <EntryChip entry={entry} band={range} onOpen={onOpen} />
      {range && (
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {t('calendarui.range', { from: fmt.date(entry.date), to: fmt.date(entry.end) })}
        </Text>
      )}
      {actionable && (
        <Group gap={4} wrap="nowrap">
          <Button
            size="compact-sm"
            variant="light"
            leftSection={<IconCheck size={14} aria-hidden />}
            onClick={() => void act(entry, 'done')}
            aria-label={t('calendarui.action.doneOf', { title: entry.title })}
            data-testid="agenda-done"
          >
            {t('calendarui.action.done')}
          </Button>
          <Button
            size="compact-sm"
            variant="default"
            leftSection={<IconPlayerSkipForward size={14} aria-hidden />}
            onClick={() => void act(entry, 'skip')}
            aria-label={t('calendarui.action.skipOf', { title: entry.title })}
          >
            {t('calendarui.action.skip')}
          </Button>
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <Button
                size="compact-sm"
                variant="default"
                leftSection={<IconAlarmSnooze size={14} aria-hidden />}
                rightSection={<IconChevronDown size={12} aria-hidden />}
                aria-label={t('calendarui.action.snoozeOf', { title: entry.title })}
              >
                {t('calendarui.action.snooze')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item onClick={() => void act(entry, 'snoozeDay')}>
                {t('calendarui.action.snoozeDay')}
              </Menu.Item>
              <Menu.Item onClick={() => void act(entry, 'snoozeWeek')}>
                {t('calendarui.action.snoozeWeek')}
              </Menu.Item>
              <Menu.Item onClick={() => onOpen(entry)}>{t('calendarui.action.snoozeTo')}</Menu.Item>
            </Menu.Dropdown>
          </Menu>
        </Group>
      )}
    </div>
  )
}
