import type { ReactNode } from 'react'
import { Group, Text, Title } from '@mantine/core'

/** The head of a section card: its title (with an optional line under it) and an action on the right. */
export function CardHeader({
  title,
  subtitle,
  action,
}: {
  title: string
  subtitle?: ReactNode
  action?: ReactNode
}) {
  return (
    <Group justify="space-between" mb="sm" align="flex-start">
      <div>
        <Title order={3} size="h4">
          {title}
        </Title>
        {subtitle && (
          <Text size="xs" c="dimmed" component="div">
            {subtitle}
          </Text>
        )}
      </div>
      {action}
    </Group>
  )
}
