// A coming holiday's name with the countries it falls in, as Today and the dashboard list it.
import { Text } from '@mantine/core'
import { useFormatters } from '../../i18n/format'
import type { TodayView } from '../../../../shared/today'

export function HolidayName({ holiday: h }: { holiday: TodayView['holidays'][number] }) {
  const f = useFormatters()
  return (
    <>
      {h.title}
      {/* A holiday without a name in this language already names its (only) country. */}
      {!(h.countries.length === 1 && h.title.includes(f.country(h.country))) && (
        <Text size="xs" c="dimmed">
          {f.countries(h.countries)}
        </Text>
      )}
    </>
  )
}
