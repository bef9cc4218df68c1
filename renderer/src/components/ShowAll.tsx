// "Show all (42)" / "Show fewer" under a list folded to its latest entries: a customer page leads
// with what is recent, and a long history no longer costs every render of the page.
import { Button } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useFormatters } from '../i18n/format'

export function ShowAllToggle({
  all,
  total,
  onToggle,
  testId,
}: {
  all: boolean
  total: number
  onToggle: () => void
  testId: string
}) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  return (
    <Button size="compact-xs" variant="subtle" onClick={onToggle} aria-expanded={all} data-testid={testId}>
      {all ? t('customerPage.showFewer') : t('customerPage.showAll', { n: fmt.number(total) })}
    </Button>
  )
}
