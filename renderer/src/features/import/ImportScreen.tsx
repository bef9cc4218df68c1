// The import wizard (D1): choose a file, map its columns, see what would be stored and what is
// refused, then import all or nothing in the worker. Main keeps the file between previews, so
// every change of the mapping or of an option only asks for a new preview (debounced).
import { useCallback, useEffect, useRef, useState } from 'react'
import { Button, Group, Stack, Stepper, Text, Title } from '@mantine/core'
import { IconArrowLeft, IconArrowRight } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { useFormatters } from '../../i18n/format'
import type { AppError } from '../../../../shared/errors'
import { REQUIRED_FIELDS } from '../../../../shared/import'
import type { ImportKind, ImportOptions, ImportPreview, ImportResult } from '../../../../shared/import'
import { ChooseStep } from './ChooseStep'
import type { OpenedFile } from './ChooseStep'
import { MappingStep } from './MappingStep'
import { PreviewStep } from './PreviewStep'
import { RunStep } from './RunStep'
import { emptyDraft, missingRequired, optionsOf } from './draft'
import { previewFailure } from './failure'
import type { Draft } from './draft'

const PREVIEW_DELAY_MS = 300

export function ImportScreen() {
  const { t } = useTranslation()
  const fmt = useFormatters()
  const [step, setStep] = useState(0)
  const [kind, setKind] = useState<ImportKind>('customers')
  const [file, setFile] = useState<OpenedFile | null>(null)
  const [draft, setDraft] = useState<Draft>(emptyDraft)
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [previewError, setPreviewError] = useState<AppError | null>(null)
  const [previewing, setPreviewing] = useState(false)
  // Bumped when something outside the options changed what a preview says (rates imported).
  const [nonce, setNonce] = useState(0)
  const [run, setRun] = useState<
    | { state: 'running' }
    | { state: 'done'; result: ImportResult }
    | { state: 'failed'; error: AppError }
    | null
  >(null)

  const options: ImportOptions = optionsOf(kind, draft)
  const optionsKey = JSON.stringify(options)

  useEffect(() => {
    if (!file) return
    let live = true
    setPreviewing(true)
    const timer = setTimeout(() => {
      void call('import:preview', {
        fileId: file.fileId,
        options: JSON.parse(optionsKey) as ImportOptions,
      }).then((res) => {
        if (!live) return
        setPreviewing(false)
        if (!res.ok) return setPreviewError(res.error)
        setPreviewError(null)
        setPreview(res.data)
        // The first preview proposes a mapping (a preset recognised from the headers, or the
        // headers' own names): from then on the user's mapping is the one sent.
        setDraft((d) => (d.mapping ? d : { ...d, mapping: res.data.mapping }))
      })
    }, PREVIEW_DELAY_MS)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [file, optionsKey, nonce])

  // Focus follows the wizard: each step's heading, so a keyboard user starts reading it there.
  const headingRef = useRef<HTMLHeadingElement>(null)
  const moved = useRef(false)
  useEffect(() => {
    if (!moved.current) return
    headingRef.current?.focus()
  }, [step])
  const go = useCallback((next: number) => {
    moved.current = true
    setStep(next)
  }, [])

  const chooseFile = (opened: OpenedFile | null) => {
    setFile(opened)
    setPreview(null)
    setPreviewError(null)
    setDraft((d) => ({ ...emptyDraft, preset: d.preset }))
  }
  const chooseKind = (k: ImportKind) => {
    setKind(k)
    setPreview(null)
    setDraft((d) => ({ ...emptyDraft, preset: d.preset }))
  }

  const startImport = async () => {
    if (!file) return
    go(3)
    setRun({ state: 'running' })
    const res = await call('import:run', { fileId: file.fileId, options })
    setRun(res.ok ? { state: 'done', result: res.data } : { state: 'failed', error: res.error })
  }

  const restart = () => {
    setRun(null)
    setFile(null)
    setPreview(null)
    setDraft(emptyDraft)
    go(0)
  }

  const missing = preview ? missingRequired(kind, draft.mapping ?? preview.mapping) : REQUIRED_FIELDS[kind]
  const dateUnconfirmed = !!preview?.dateOrderAmbiguous && !draft.dateOrderConfirmed
  const nextBlocked: string | null =
    step === 0
      ? file
        ? null
        : t('import.choose.needFile')
      : step === 1
        ? !preview
          ? previewError
            ? previewFailure(t, previewError)
            : t('import.map.reading')
          : missing.length > 0
            ? t('import.map.missingRequired', {
                fields: new Intl.ListFormat(fmt.locale, { type: 'conjunction' }).format(
                  missing.map((f) => t(`import.fields.${f}`)),
                ),
              })
            : dateUnconfirmed
              ? t('import.map.confirmDates')
              : null
        : null

  const steps = ['choose', 'map', 'preview', 'run'] as const
  return (
    <Stack gap="md" data-testid="import-screen">
      <div>
        <Title order={2}>{t('import.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('import.intro')}
        </Text>
      </div>
      <Stepper
        // A finished import completes the last step too.
        active={run?.state === 'done' ? steps.length : step}
        size="sm"
        // Steps done can be revisited from the stepper itself; a running or finished import cannot.
        onStepClick={(s) => run === null && s < step && go(s)}
        allowNextStepsSelect={false}
      >
        {steps.map((s) => (
          <Stepper.Step key={s} label={t(`import.steps.${s}`)} data-testid={`import-step-${s}`} />
        ))}
      </Stepper>
      {/* Back and Next sit beside the step's title, so they stay in view at 1280×720 however long
          the step is (the import itself is started at the end of the check, after reading it). */}
      <Group justify="space-between" align="center" wrap="nowrap" gap="md">
        <Title order={3} ref={headingRef} tabIndex={-1} data-testid="import-step-title">
          {t(`import.stepTitles.${steps[step]!}`)}
        </Title>
        {step < 3 && (
          <Group gap="sm" wrap="nowrap">
            {step < 2 && nextBlocked && (
              <Text size="sm" c="dimmed" ta="right" id="import-next-reason" data-testid="import-next-reason">
                {nextBlocked}
              </Text>
            )}
            <Button
              variant="default"
              leftSection={<IconArrowLeft size={16} aria-hidden />}
              disabled={step === 0}
              onClick={() => go(step - 1)}
              data-testid="import-back"
            >
              {t('import.back')}
            </Button>
            {step < 2 && (
              <Button
                rightSection={<IconArrowRight size={16} aria-hidden />}
                disabled={nextBlocked !== null}
                aria-describedby={nextBlocked ? 'import-next-reason' : undefined}
                onClick={() => go(step + 1)}
                data-testid="import-next"
              >
                {t('import.next')}
              </Button>
            )}
          </Group>
        )}
      </Group>
      {step === 0 && (
        <ChooseStep
          kind={kind}
          onKind={chooseKind}
          file={file}
          onFile={chooseFile}
          preset={draft.preset ?? null}
          onPreset={(preset) => setDraft((d) => ({ ...d, preset: preset ?? undefined, mapping: undefined }))}
        />
      )}
      {step === 1 && (
        <MappingStep
          kind={kind}
          preview={preview}
          error={previewError}
          busy={previewing}
          draft={draft}
          onDraft={setDraft}
        />
      )}
      {step === 2 && file && (
        <PreviewStep
          kind={kind}
          fileId={file.fileId}
          options={options}
          preview={preview}
          error={previewError}
          busy={previewing}
          draft={draft}
          onDraft={setDraft}
          onRatesChanged={() => setNonce((n) => n + 1)}
          onMapping={() => go(1)}
          onImport={() => void startImport()}
        />
      )}
      {step === 3 && run && (
        <RunStep
          run={run}
          kind={kind}
          onCancel={() => void call('import:cancel', {})}
          onRestart={restart}
          onBack={() => {
            setRun(null)
            go(2)
          }}
        />
      )}
    </Stack>
  )
}
