import '@mantine/core/styles.css'
import '@mantine/notifications/styles.css'
import '@mantine/charts/styles.css'
import { StrictMode, useMemo } from 'react'
import { createRoot } from 'react-dom/client'
import { Badge, MantineProvider, Modal, createTheme } from '@mantine/core'
import type { CSSVariablesResolver } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { App } from './app/App'
import { ErrorBoundary } from './components/ErrorBoundary'
import './app/global.css'
import { initI18n, pickLanguage } from './i18n'
import { call } from './api/client'

// With the primary colour at its darkest shade, Mantine's filled hover steps back to a lighter
// one (teal 8, 3.9:1 under white text): hovering a Save button must not drop below AA, so the
// hover goes darker instead.
const darkerHover: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-primary-color-filled-hover': '#066649' },
  dark: {},
})

/** The app theme; `t` names what Mantine leaves unnamed (dialog close buttons) in the UI language. */
function appTheme(t: TFunction) {
  return createTheme({
    primaryColor: 'teal',
    // Shade 9 keeps white-on-primary and primary-on-white text above WCAG AA contrast (4.5:1).
    primaryShade: 9,
    fontFamily:
      'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif',
    defaultRadius: 'md',
    components: {
      // Every dialog's close button gets a name (an icon-only button is "button" to a screen
      // reader); returnFocus puts focus back on the control that opened the dialog.
      Modal: Modal.extend({
        defaultProps: { closeButtonProps: { 'aria-label': t('common.close') }, returnFocus: true },
      }),
      // Badges hold tier, status and segment names that are twice as long in French as in Chinese:
      // they take the width they need (no ellipsis: "COMPTE MOYI…" told nobody anything) and wrap
      // onto a second line only when their container is narrower than the whole text. Mixed case
      // reads better than capitals and is a fifth narrower.
      Badge: Badge.extend({
        styles: {
          root: {
            textTransform: 'none',
            flexShrink: 0,
            maxWidth: '100%',
            height: 'auto',
            minHeight: 'var(--badge-height)',
            lineHeight: 1.3,
            paddingBlock: 1,
            overflow: 'visible',
          },
          label: { whiteSpace: 'normal', overflow: 'visible', overflowWrap: 'anywhere' },
        },
      }),
    },
  })
}

/** Mantine with a theme that follows the UI language. */
function ThemedApp() {
  const { t } = useTranslation()
  // react-i18next hands out a new `t` when the language changes, and only then.
  const theme = useMemo(() => appTheme(t), [t])
  return (
    <MantineProvider theme={theme} defaultColorScheme="light" cssVariablesResolver={darkerHover}>
      {/* Bottom right, clear of the header's search and language controls; three at most, the
          rest wait their turn. */}
      <Notifications position="bottom-right" limit={3} />
      <ErrorBoundary>
        <App />
      </ErrorBoundary>
    </MantineProvider>
  )
}

async function boot() {
  const settings = await call('settings:get', {})
  const stored = settings.ok ? settings.data.language : null
  await initI18n(stored ?? pickLanguage(navigator.language))
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <ThemedApp />
    </StrictMode>,
  )
}

void boot()
