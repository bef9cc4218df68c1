import '@mantine/core/styles.css'
import '@mantine/notifications/styles.css'
import '@mantine/charts/styles.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { MantineProvider, createTheme } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import { App } from './app/App'
import { ErrorBoundary } from './components/ErrorBoundary'
import './app/global.css'
import { initI18n, pickLanguage } from './i18n'
import { call } from './api/client'

const theme = createTheme({
  primaryColor: 'teal',
  // Shade 9 keeps white-on-primary and primary-on-white text above WCAG AA contrast (4.5:1).
  primaryShade: 9,
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif',
  defaultRadius: 'md',
})

async function boot() {
  const settings = await call('settings:get', {})
  const stored = settings.ok ? settings.data.language : null
  await initI18n(stored ?? pickLanguage(navigator.language))
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <Notifications position="top-right" />
        <ErrorBoundary>
          <App />
        </ErrorBoundary>
      </MantineProvider>
    </StrictMode>,
  )
}

void boot()
