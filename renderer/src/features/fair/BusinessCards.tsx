// The customer page's business-card photos (F1): shown only when the customer has some.
import { Card, Group, Image, Skeleton, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useQuery } from '../../app/data'
import { CardHeader } from '../../components/CardHeader'
import { useFormatters } from '../../i18n/format'
import type { Attachment } from '../../../../shared/fair'

export function BusinessCards({ customerId }: { customerId: string }) {
  const { t } = useTranslation()
  const list = useQuery('attachments:list', { customerId })
  const cards = list.data?.attachments ?? []
  if (cards.length === 0) return null
  return (
    <Card withBorder data-testid="business-cards">
      <CardHeader title={t('fair.cardsTitle')} />
      <Group gap="sm">
        {cards.map((a) => (
          <CardPhoto key={a.id} attachment={a} />
        ))}
      </Group>
    </Card>
  )
}

function CardPhoto({ attachment }: { attachment: Attachment }) {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const file = useQuery('attachments:get', { id: attachment.id })
  const caption = t('fair.cardCaption', { date: fmt.date(attachment.createdAt) })
  if (file.status === 'error')
    return (
      <Text size="xs" c="dimmed" w={160}>
        {t('errors.attachment_missing')}
      </Text>
    )
  if (!file.data) return <Skeleton w={160} h={100} />
  const src = `data:${file.data.attachment.mime};base64,${file.data.base64}`
  return (
    <figure style={{ margin: 0 }}>
      <Image
        src={src}
        alt={attachment.fileName ?? caption}
        w={160}
        h={100}
        fit="contain"
        radius="sm"
        bg="gray.1"
        data-testid="business-card"
      />
      <Text component="figcaption" size="xs" c="dimmed" mt={2}>
        {caption}
      </Text>
    </figure>
  )
}
