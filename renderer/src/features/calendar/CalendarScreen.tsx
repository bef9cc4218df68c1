// The calendar (SPEC R5): month, week and agenda views of reminders, service duties, holidays and
// quiet periods in customers' countries, and contacts' birthdays, filtered by owner, tier, kind
// and country. Reads calendar:range, so it reloads itself when reminders, interactions, tiers or
// contacts change.
import { useEffect, useMemo, useState } from 'react'
import {
  ActionIcon,
  Button,
  Center,
  Group,
  Loader,
  MultiSelect,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core'
import { useLocalStorage } from '@mantine/hooks'
import { IconChevronLeft, IconChevronRight, IconPlus } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useQuery } from '../../app/data'
import type { ChannelInput } from '../../../../shared/contract'
import { navigate } from '../../app/route'
import { ErrorAlert } from '../../components/ErrorAlert'
import { dateStyle } from '../../components/dateText'
import { useFormatters } from '../../i18n/format'
import { localToday } from '../../../../shared/dates'
import { CALENDAR_ENTRY_KINDS, DAY_IN_FULL, MONTH_PER_DAY, WEEK_PER_DAY } from '../../../../shared/reminders'
import type { CalendarEntryKind, CalendarRangeResult } from '../../../../shared/reminders'
import { VALUE_TIERS } from '../../../../shared/vocabulary'
import type { ValueTier } from '../../../../shared/tiering'
import { AgendaList, DayGrid } from './CalendarViews'
import { EntryDialog } from './EntryDialog'
import { KIND_COLOR } from './EntryChip'
import { ReminderDialog } from './ReminderDialog'
import { CALENDAR_VIEWS, mergeShared, monthOf, stepAnchor, viewDays } from './model'
import type { CalendarView, ShownEntry } from './model'
import classes from './Calendar.module.css'

type Filters = { owner: string | null; tiers: ValueTier[]; kinds: CalendarEntryKind[]; countries: string[] }
const NO_FILTERS: Filters = { owner: null, tiers: [], kinds: [], countries: [] }

export function CalendarScreen() {
  const { t, i18n } = useTranslation()
  const fmt = useFormatters()
  const lang = (['zh', 'fr', 'en'].includes(i18n.language) ? i18n.language : 'en') as 'zh' | 'fr' | 'en'
  const firstDay = dateStyle(lang).firstDayOfWeek
  const today = localToday()
  const [view, setView] = useLocalStorage<CalendarView>({
    key: 'tradetier.calendarView',
    defaultValue: 'month',
    getInitialValueInEffect: false,
  })
  const [anchor, setAnchor] = useState(today)
  const [focused, setFocused] = useState(today)
  const [filters, setFilters] = useState<Filters>(NO_FILTERS)
  const [opened, setOpened] = useState<ShownEntry | null>(null)
  const [creating, setCreating] = useState<string | null>(null)
  const [editing, setEditing] = useState<ShownEntry | null>(null)
  const facets = useQuery('customers:facets', {})

  const days = useMemo(() => viewDays(view, anchor, firstDay), [view, anchor, firstDay])
  const from = days[0]!
  const to = days.at(-1)!
  const filterInput = {
    lang,
    ...(filters.owner ? { owner: filters.owner } : {}),
    ...(filters.tiers.length ? { tiers: filters.tiers } : {}),
    ...(filters.kinds.length ? { kinds: filters.kinds } : {}),
    ...(filters.countries.length ? { countries: filters.countries } : {}),
  }
  // A day of a large base holds thousands of reminders, duties and birthdays: each view asks for
  // the first few a day and how many more (a month cell shows three, a week or agenda day twenty).
  const range = useQuery('calendar:range', {
    from,
    to,
    ...filterInput,
    perDay: view === 'month' ? MONTH_PER_DAY : WEEK_PER_DAY,
  })
  // The agenda's "+N more" shows one day in full (up to DAY_IN_FULL, then a filter narrows it).
  const [fullDay, setFullDay] = useState<string | null>(null)
  const shownFullDay = view === 'agenda' && fullDay && days.includes(fullDay) ? fullDay : null
  const [dayInFull, setDayInFull] = useState<{ day: string; data: CalendarRangeResult } | null>(null)
  const full = shownFullDay && dayInFull?.day === shownFullDay ? dayInFull.data : undefined
  const entries = useMemo(() => {
    const list = range.data?.entries ?? []
    if (!full || !shownFullDay) return mergeShared(list)
    // That day's entries from its own answer (bands crossing it stay from the range's).
    const others = list.filter((e) => e.date !== shownFullDay || (e.end && e.end > e.date))
    const day = full.entries.filter((e) => !(e.end && e.end > e.date))
    return mergeShared([...others, ...day])
  }, [range.data, full, shownFullDay])
  const hidden = useMemo(() => {
    const counts = { ...(range.data?.hidden ?? {}) }
    if (full && shownFullDay) {
      delete counts[shownFullDay]
      const left = full.hidden?.[shownFullDay]
      if (left) counts[shownFullDay] = left
    }
    return counts
  }, [range.data, full, shownFullDay])
  // The focused day follows the shown period: today when it is in it, else the month's first day.
  const focusedDay = days.includes(focused)
    ? focused
    : days.includes(today)
      ? today
      : view === 'month'
        ? `${monthOf(anchor)}-01`
        : from

  const period = useMemo(() => {
    const utc = (d: string) => new Date(`${d}T00:00:00Z`)
    if (view === 'month')
      return new Intl.DateTimeFormat(fmt.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
        utc(anchor),
      )
    return new Intl.DateTimeFormat(fmt.locale, { dateStyle: 'medium', timeZone: 'UTC' }).formatRange(
      utc(from),
      utc(to),
    )
  }, [view, anchor, from, to, fmt.locale])

  const focusDay = (day: string) => {
    setFocused(day)
    if (!days.includes(day)) setAnchor(day)
  }
  const onOpen = (e: ShownEntry) => {
    // Duties and birthdays are about the customer: go there. The rest opens with its actions.
    if ((e.kind === 'duty' || e.kind === 'birthday') && e.customerId)
      navigate({ name: 'customer', id: e.customerId })
    else setOpened(e)
  }
  const showDay = (day: string) => {
    setView('week')
    setAnchor(day)
    setFocused(day)
  }
  // From a week's day with more than it shows: the agenda from that day, the day in full.
  const showAll = (day: string) => {
    setView('agenda')
    setAnchor(day)
    setFullDay(day)
  }
  const setFilter =
    <K extends keyof Filters>(k: K) =>
    (v: Filters[K]) =>
      setFilters((f) => ({ ...f, [k]: v }))

  const countryOptions = (facets.data?.countries ?? [])
    .map((c) => ({ value: c, label: fmt.country(c) }))
    .sort((a, b) => a.label.localeCompare(b.label, fmt.locale))

  return (
    <Stack gap="md" data-testid="calendar-screen">
      <Group justify="space-between" align="center" wrap="wrap" gap="sm">
        <Group gap="sm" wrap="nowrap" align="center">
          <Title order={2}>{t('calendarui.title')}</Title>
          <Group gap={4} wrap="nowrap">
            <ActionIcon
              variant="default"
              size="lg"
              onClick={() => setAnchor(stepAnchor(view, anchor, -1))}
              aria-label={t(`calendarui.previous.${view}`)}
              data-testid="calendar-prev"
            >
              <IconChevronLeft size={18} aria-hidden />
            </ActionIcon>
            <Button
              variant="default"
              onClick={() => {
                setAnchor(today)
                setFocused(today)
              }}
              data-testid="calendar-today"
            >
              {t('calendarui.today')}
            </Button>
            <ActionIcon
              variant="default"
              size="lg"
              onClick={() => setAnchor(stepAnchor(view, anchor, 1))}
              aria-label={t(`calendarui.next.${view}`)}
              data-testid="calendar-next"
            >
              <IconChevronRight size={18} aria-hidden />
            </ActionIcon>
          </Group>
          <Text
            fw={600}
            size="lg"
            aria-live="polite"
            data-testid="calendar-period"
            style={{ whiteSpace: 'nowrap' }}
          >
            {period}
          </Text>
        </Group>
        <Group gap="sm" wrap="nowrap">
          <SegmentedControl
            value={view}
            onChange={(v) => setView(v)}
            data={CALENDAR_VIEWS.map((v) => ({ value: v, label: t(`calendarui.view.${v}`) }))}
            aria-label={t('calendarui.viewLabel')}
            data-testid="calendar-view"
          />
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setCreating(view === 'agenda' ? today : focusedDay < today ? today : focusedDay)}
            data-testid="new-reminder"
          >
            {t('calendarui.newReminder')}
          </Button>
        </Group>
      </Group>

      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        <Select
          label={t('fields.owner')}
          placeholder={t('filters.any')}
          data={facets.data?.owners ?? []}
          value={filters.owner}
          onChange={setFilter('owner')}
          clearable
          searchable
          data-testid="calendar-filter-owner"
        />
        <MultiSelect
          label={t('fields.tier')}
          placeholder={filters.tiers.length ? undefined : t('filters.any')}
          data={VALUE_TIERS.map((v) => ({ value: v, label: t(`enum.tier.${v}`) }))}
          value={filters.tiers}
          onChange={(v) => setFilter('tiers')(v)}
          clearable
          data-testid="calendar-filter-tier"
        />
        <MultiSelect
          label={t('calendarui.filterKind')}
          placeholder={filters.kinds.length ? undefined : t('filters.any')}
          data={CALENDAR_ENTRY_KINDS.map((k) => ({ value: k, label: t(`calendarui.kind.${k}`) }))}
          value={filters.kinds}
          onChange={(v) => setFilter('kinds')(v)}
          clearable
          data-testid="calendar-filter-kind"
        />
        <MultiSelect
          label={t('fields.country')}
          placeholder={filters.countries.length ? undefined : t('filters.any')}
          data={countryOptions}
          value={filters.countries}
          onChange={setFilter('countries')}
          searchable
          clearable
          data-testid="calendar-filter-country"
        />
      </SimpleGrid>

      <Group gap="md" aria-hidden data-testid="calendar-legend">
        {CALENDAR_ENTRY_KINDS.map((k) => (
          <Text key={k} size="xs" c="dimmed">
            <span
              className={classes.swatch}
              style={{ background: `var(--mantine-color-${KIND_COLOR[k]}-5)` }}
            />
            {t(`calendarui.kind.${k}`)}
          </Text>
        ))}
        <Text size="xs" c="dimmed">
          <span className={classes.swatch} style={{ background: 'var(--mantine-color-red-7)' }} />
          {t('calendarui.overdue')}
        </Text>
      </Group>

      {range.status === 'error' && <ErrorAlert error={range.error} />}
      {!range.data && range.status === 'loading' ? (
        <Center h={300}>
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : view === 'agenda' ? (
        <AgendaList
          days={days}
          entries={entries}
          hidden={hidden}
          fullDay={shownFullDay}
          onShowAll={setFullDay}
          today={today}
          onOpen={onOpen}
        />
      ) : (
        <DayGrid
          days={days}
          entries={entries}
          hidden={hidden}
          month={view === 'month' ? monthOf(anchor) : null}
          today={today}
          focusedDay={focusedDay}
          onFocusDay={focusDay}
          onOpen={onOpen}
          onCreate={setCreating}
          onShowDay={view === 'month' ? showDay : showAll}
          label={period}
          week={view === 'week'}
        />
      )}

      {shownFullDay && (
        <DayInFull
          day={shownFullDay}
          input={{ from: shownFullDay, to: shownFullDay, ...filterInput, perDay: DAY_IN_FULL }}
          onData={setDayInFull}
        />
      )}
      {opened && (
        <EntryDialog
          entry={opened}
          onClose={() => setOpened(null)}
          onEdit={(e) => {
            setOpened(null)
            setEditing(e)
          }}
        />
      )}
      {creating && <ReminderDialog initial={{ dueDate: creating }} onClose={() => setCreating(null)} />}
      {editing?.reminderId && (
        <ReminderDialog
          customerId={editing.customerId}
          reminderId={editing.reminderId}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  )
}

/** One day in full for the agenda (its own query, mounted only while a day is expanded). */
function DayInFull({
  day,
  input,
  onData,
}: {
  day: string
  input: ChannelInput<'calendar:range'>
  onData: (d: { day: string; data: CalendarRangeResult }) => void
}) {
  const q = useQuery('calendar:range', input)
  useEffect(() => {
    if (q.data) onData({ day, data: q.data })
  }, [q.data, day, onData])
  return null
}
