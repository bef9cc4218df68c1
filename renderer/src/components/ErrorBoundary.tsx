// Last line of defence: a rendering error shows a translated message and a way back instead of a
// blank window. Class component because React offers error boundaries only as classes.
import { Component } from 'react'
import type { ReactNode } from 'react'
import { Alert, Button, Stack } from '@mantine/core'
import { Translation } from 'react-i18next'

type State = { failed: boolean }

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false }

  static getDerivedStateFromError(): State {
    return { failed: true }
  }

  override componentDidCatch(error: unknown) {
    console.error(error)
  }

  override render() {
    if (!this.state.failed) return this.props.children
    return (
      <Translation>
        {(t) => (
          <Stack p="xl" maw={560} mx="auto" role="alert">
            <Alert color="red" title={t('errors.internal')}>
              {t('errors.renderFailed')}
            </Alert>
            <Button
              onClick={() => {
                window.location.hash = '#/customers'
                window.location.reload()
              }}
            >
              {t('errors.reload')}
            </Button>
          </Stack>
        )}
      </Translation>
    )
  }
}
