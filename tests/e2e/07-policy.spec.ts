import type { Page } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { expect, ipc, switchLanguage, test, tr } from './helpers'

const today = () => new Date().toLocaleDateString('en-CA')

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: `.reports/screens/${name}.png`, fullPage: true })
}

test('a manager lowers the Key threshold: the preview counts the move, saving re-tiers, the customer says why', async ({
  page,
}) => {
  await page.goto('/')
  const created = await ipc<{ id: string }>(page, 'customers:create', {
    customer: { displayName: 'Policy Preview Trading', country: 'AE', currency: 'USD' },
    allowDuplicates: true,
  })
  const id = created.data!.id
  const order = await ipc(page, 'orders:create', {
    customerId: id,
    order: { date: today(), amount: 4_800_000, currency: 'USD', status: 'paid' },
  })
  expect(order.ok).toBe(true)

  await page.goto('/#/settings')
  await switchLanguage(page, 'English')
  await expect(page.getByTestId('policy-screen')).toBeVisible()
  const before = (await ipc<{ policy: { version: number } }>(page, 'policy:get')).data!.policy.version

  // An inconsistent policy is refused in the window, with a translated message, before any preview.
  await page.getByTestId('threshold-key').fill('500')
  await page.getByTestId('policy-preview').click()
  await expect(page.getByTestId('error-alert')).toContainText(tr('en', 'validation.thresholds_order'))

  await page.getByTestId('threshold-key').fill('4500000')
  await expect(page.getByTestId('policy-save')).toHaveCount(0) // no saving without a preview
  await page.getByTestId('policy-preview').click()
  const result = page.getByTestId('policy-preview-result')
  await expect(result).toContainText(tr('en', 'enum.tier.mid'))
  await expect(result).toContainText(tr('en', 'enum.tier.key'))
  await shoot(page, 'policy-en')
  await switchLanguage(page, 'Français')
  await expect(page.getByTestId('policy-preview-result')).toContainText(tr('fr', 'enum.tier.key'))
  await shoot(page, 'policy-fr')
  await switchLanguage(page, '中文')
  await shoot(page, 'policy-zh')

  await page.getByTestId('policy-save').click()
  // The save says so and stays said, whichever arrives first: its answer or the change event
  // that brings the new version to the screen.
  await expect(page.getByTestId('policy-saved')).toContainText(String(before + 1), { timeout: 30_000 })
  await expect(
    page.getByText(tr('zh', 'policy.subtitle').replace('{{version}}', String(before + 1))),
  ).toBeVisible()
  const after = (await ipc<{ policy: { version: number } }>(page, 'policy:get')).data!.policy.version
  expect(after).toBe(before + 1)
  // It says how many customers the re-tier moved (counted as it wrote them), in Chinese.
  await expect(page.getByTestId('policy-saved-text')).toHaveText(
    tr('zh', 'policy.savedMoved_other').replace('{{version}}', String(after)).replace('{{n}}', '1'),
  )
  // Every version stays in the history, the seed's defaults included, with what each moved.
  const versions = page.getByTestId('policy-version-row')
  await expect(versions).toHaveCount(after)
  await expect(versions.first()).toContainText(tr('zh', 'policy.movedCount_other').replace('{{n}}', '1'))
  await expect(versions.last()).toContainText(tr('zh', 'policy.defaults'))

  // The link lists the moves, each customer a link to its page.
  await page.getByTestId('policy-saved-moves').click()
  const moves = page.getByTestId('policy-moves')
  await expect(moves.getByTestId('policy-move-row')).toHaveCount(1)
  await expect(moves.getByTestId('policy-move-row').locator('.mantine-Badge-label')).toHaveText([
    tr('zh', 'enum.tier.mid'),
    tr('zh', 'enum.tier.key'),
  ])
  await shoot(page, 'policy-moves-zh')
  await moves.getByRole('link', { name: 'Policy Preview Trading' }).click()
  await expect(page).toHaveURL(new RegExp(`#/customers/${id}$`))
  await expect(page.getByTestId('tier-badge')).toHaveText(tr('zh', 'enum.tier.key'))
  const latest = page.getByTestId('tier-history').getByRole('listitem').first()
  await expect(latest).toContainText(`${tr('zh', 'enum.tier.mid')} → ${tr('zh', 'enum.tier.key')}`)
  // Revenue did not move; the sentence names the new threshold instead of "rose from 480万 to 480万".
  await expect(latest).toContainText('450万')
  await expect(latest).not.toContainText('增至')
  await expect(page.getByTestId('service-policy')).toBeVisible()
  await shoot(page, 'customer-tier-zh')
  await switchLanguage(page, 'Français')
  const latestFr = page.getByTestId('tier-history').getByRole('listitem').first()
  await expect(latestFr).toContainText(`${tr('fr', 'enum.tier.mid')} → ${tr('fr', 'enum.tier.key')}`)
  await expect(latestFr).toContainText('4,5')
  await shoot(page, 'customer-tier-fr')
})

// ---- the re-evaluation review: tier moves that time alone caused ----

// Orders can only be entered as of today, and a move caused by time needs a day to pass. So this
// block's harness opens a data directory whose customers were entered 40 days ago, through the
// same IPC calls under the services' clock set to that day (T = today, S = T − 40 days):
//   Nordlicht Handels GmbH  80k on S−20, plus 1M confirmed for T−30 (in S's future): Ordinary at S,
//                           1.08M today → promoted to Mid.
//   Falcon Gulf Trading     1.2M on T−380, inside S's 12-month window but not today's, and 150k on
//                           S−5: Mid at S (1.35M), 150k today, under Mid's 950k floor → demoted to Small.
//   Band Keeper Ltd         100k on T−380 and 980k on S−10: Mid at S; 980k today is inside Mid's
//                           5 % band (950k) → stays Mid, not listed.
//   Harbour Lock Trading    2M on T−380: Mid at S, locked at Mid by a manager; nothing today → the
//                           lock holds, not listed.
//   Steady Key Imports      6M on T−100: Key then and now, not listed.
// The seed runs in its own process (tests/e2e/seeds/entered-40-days-ago.ts): the
// services load JSON modules, which this runner's loader does not.
function enteredFortyDaysAgo(dataDir: string) {
  execFileSync(process.execPath, ['--import', 'tsx', 'tests/e2e/seeds/entered-40-days-ago.ts', dataDir], {
    stdio: 'inherit',
  })
}

test.describe('with customers entered 40 days ago', () => {
  test.use({ harnessData: { name: 'entered-40-days-ago', seed: enteredFortyDaysAgo } })

  test('a re-evaluation run lists exactly the moves time caused; a manager applies one of them', async ({
    page,
  }) => {
    const en = (key: string) => tr('en', key)
    await page.goto('/#/review')
    await switchLanguage(page, 'English')
    await page.getByTestId('review-run').click()
    await expect(page.getByTestId('review-open')).toContainText(
      en('review.summary')
        .replace(/^.*\{\{date\}\}/, '')
        .replace('{{promotions}}', '1')
        .replace('{{demotions}}', '1'),
      { timeout: 30_000 },
    )
    const rows = page.getByTestId('review-items').locator('tbody tr')
    const row = (name: string) => rows.filter({ has: page.getByRole('link', { name, exact: true }) })
    // Listed by 12-month revenue, highest first; nothing else moves (band, lock, steady Key).
    await expect(rows.getByRole('link')).toHaveText(['Nordlicht Handels GmbH', 'Falcon Gulf Trading'])
    await expect(row('Nordlicht Handels GmbH').locator('.mantine-Badge-label')).toHaveText([
      en('enum.tier.ordinary'),
      en('enum.tier.mid'),
    ])
    await expect(row('Nordlicht Handels GmbH')).toContainText(
      en('review.reasonUp')
        .replace('{{before}}', '$80K')
        .replace('{{after}}', '$1.1M')
        .replace('{{threshold}}', '$1M'),
    )
    await expect(row('Falcon Gulf Trading').locator('.mantine-Badge-label')).toHaveText([
      en('enum.tier.mid'),
      en('enum.tier.small'),
    ])
    await expect(row('Falcon Gulf Trading')).toContainText(
      en('review.reasonDown')
        .replace('{{before}}', '$1.4M')
        .replace('{{after}}', '$150K')
        .replace('{{floor}}', '$950K'),
    )
    await shoot(page, 'review-en')
    await switchLanguage(page, '中文')
    await expect(row('Falcon Gulf Trading').locator('.mantine-Badge-label')).toHaveText([
      tr('zh', 'enum.tier.mid'),
      tr('zh', 'enum.tier.small'),
    ])
    await shoot(page, 'review-zh')
    await switchLanguage(page, 'Français')
    await shoot(page, 'review-fr')
    await switchLanguage(page, 'English')

    // Apply the promotion only: Nordlicht moves, Falcon keeps its tier until a later decision.
    await row('Falcon Gulf Trading').getByRole('checkbox').uncheck()
    await page.getByTestId('review-apply').click()
    await expect(page.getByTestId('review-open')).toContainText(en('review.status.applied'))
    const tierOf = async (name: string) => {
      const hit = await ipc<{ rows: { id: string; displayName: string }[] }>(page, 'customers:list', {
        limit: 10,
      })
      const id = hit.data!.rows.find((r) => r.displayName === name)!.id
      return (await ipc<{ tier: string }>(page, 'tiers:get', { customerId: id })).data!.tier
    }
    expect(await tierOf('Nordlicht Handels GmbH')).toBe('mid')
    expect(await tierOf('Falcon Gulf Trading')).toBe('mid')
    await rows.getByRole('link', { name: 'Nordlicht Handels GmbH' }).click()
    await expect(page.getByTestId('tier-badge')).toHaveText(en('enum.tier.mid'))

    // The next run lists what was left: Falcon's demotion, and nothing else.
    await page.goto('/#/review')
    await page.getByTestId('review-run').click()
    await expect(page.getByTestId('review-open')).toContainText(en('review.status.open'))
    await expect(rows.getByRole('link')).toHaveText(['Falcon Gulf Trading'])
    await expect(row('Falcon Gulf Trading').locator('.mantine-Badge-label')).toHaveText([
      en('enum.tier.mid'),
      en('enum.tier.small'),
    ])
  })
})

test('exchange rates come in from a CSV file; a bad line refuses the file and says where', async ({
  page,
}) => {
  await page.goto('/#/settings')
  await switchLanguage(page, 'Français')
  const input = page.getByTestId('rates-card').locator('input[type=file]')
  await input.setInputFiles({
    name: 'taux.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Devise;Date;Taux\nCHF;2026-01-01;"1,13"\nXXX;2026-01-01;2\n'),
  })
  await expect(page.getByTestId('rates-import-error')).toContainText('Ligne 3')
  await input.setInputFiles({
    name: 'taux.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('currency,date,usd_per_unit\nCHF,2026-01-01,1.13\nSGD,2026-01-01,0.74\n'),
  })
  await expect(page.getByTestId('rates-table')).toContainText('CHF')
  await expect(page.getByTestId('rates-table')).toContainText('SGD')

  // A rate typed the French way; a small one keeps its significant digits (VND was shown as 0).
  const card = page.getByTestId('rates-card')
  await card.getByRole('combobox', { name: tr('fr', 'fields.currency') }).fill('VND')
  await page.getByRole('option', { name: 'VND', exact: true }).click()
  await card.getByTestId('rate-date').fill('01/02/2026')
  await card.getByTestId('rate-value').fill('0,000039')
  await page.getByTestId('rate-add').click()
  await expect(page.getByTestId('rates-table').getByRole('row', { name: /VND/ })).toContainText('0,000039')
  // The refused file wrote nothing (no CHF from it either); the accepted one wrote each rate once.
  const rates = await ipc<{ rates: { currency: string; date: string; usdPerUnit: number }[] }>(
    page,
    'rates:list',
  )
  expect(rates.data!.rates.map((r) => [r.currency, r.date, r.usdPerUnit])).toEqual([
    ['CHF', '2026-01-01', 1.13],
    ['SGD', '2026-01-01', 0.74],
    ['VND', '2026-02-01', 0.000039],
  ])
  await page.getByTestId('rates-card').screenshot({ path: '.reports/screens/rates-fr.png' })
})
