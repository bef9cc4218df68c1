import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { expect, ipc, startHarness, test, tr, useLanguage, type Lang, shootSizes } from './helpers'

// Team sync through a shared folder (issue 13), with two harnesses — two computers, each with its
// own data directory — and one folder between them: Anna starts the team in Chinese, Bruno's first
// pick is a folder that is not there (refused, in French, nothing written), then he joins; a
// customer Anna adds reaches Bruno after each syncs, and Bruno's edit reaches Anna, now in English;
// then both change one city before syncing, and Anna settles the conflict for both.

const SHOTS = '.tmp/shots/team'
async function shoot(page: Page, name: string) {
  await shootSizes(page, SHOTS, name, { fullPage: true })
}

/** Sync now, and its pass's answer in the page (a toast per pass, so earlier ones may still show). */
async function syncNow(page: Page, lang: Lang) {
  const answered = page.waitForResponse((r) => decodeURIComponent(r.url()).endsWith('/ipc/sync:now'))
  await page.getByTestId('sync-now').click()
  expect((await (await answered).json()) as { ok: boolean }).toMatchObject({ ok: true })
  await expect(page.getByText(new RegExp(tr(lang, 'team.synced').split('{{')[0]!)).last()).toBeVisible()
}

test('two computers share one folder: create, a refused join, join, and customers both ways', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000)
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tradetier-shared-'))
  const bruno = await startHarness()
  const other = await browser.newPage({ baseURL: bruno.url, viewport: { width: 1440, height: 900 } })
  try {
    // Anna, in Chinese: an empty page, then a team in the folder.
    await page.goto('/#/team')
    await useLanguage(page, 'zh')
    await expect(page.getByRole('heading', { name: tr('zh', 'team.title') })).toBeVisible()
    await shoot(page, 'start-zh')
    await page.getByTestId('team-create-folder').fill(folder)
    await page.getByTestId('team-create-name').fill('外贸一组')
    await page.getByTestId('team-create-device').fill('小王的笔记本')
    await page.getByTestId('team-create-user').fill('王芳')
    await page.getByTestId('team-create-submit').click()
    await expect(page.getByText(tr('zh', 'team.created'))).toBeVisible()
    await expect(page.getByTestId('team-name')).toHaveText('外贸一组')
    expect(fs.existsSync(path.join(folder, 'TradeTier', 'team.json'))).toBe(true)

    const created = await ipc<{ id: string }>(page, 'customers:create', {
      customer: { displayName: '利雅得海湾贸易公司', country: 'SA', city: 'Riyadh' },
      contacts: [],
      allowDuplicates: true,
    })
    expect(created.ok).toBe(true)
    const id = created.data!.id
    await expect(page.getByTestId('team-pending')).toBeVisible()
    await syncNow(page, 'zh')
    await expect(page.getByTestId('team-pending')).toHaveCount(0)
    await shoot(page, 'team-zh')

    // Bruno, in French: empty fields are named, a folder that is not there is refused, and
    // nothing is written.
    await other.goto('/#/team')
    await useLanguage(other, 'fr')
    await other.getByTestId('team-join-submit').click()
    await expect(other.getByTestId('team-join').getByText(tr('fr', 'validation.required'))).toHaveCount(3)
    await other.getByTestId('team-join-folder').fill(path.join(folder, 'pas-monté'))
    await other.getByTestId('team-join-device').fill('Portable de Bruno')
    await other.getByTestId('team-join-user').fill('Bruno Moreau')
    await other.getByTestId('team-join-submit').click()
    await expect(other.getByTestId('team-refused')).toHaveText(tr('fr', 'team.problem.missing'))
    expect((await ipc<{ team: unknown }>(other, 'team:status', {})).data!.team).toBeNull()
    await shoot(other, 'refused-fr')
    // The right folder: he joins, and Anna's customer arrives with the first pass.
    await other.getByTestId('team-join-folder').fill(folder)
    await other.getByTestId('team-join-submit').click()
    await expect(other.getByText(tr('fr', 'team.joined'))).toBeVisible()
    await expect(other.getByTestId('team-name')).toHaveText('外贸一组')
    await expect(other.getByTestId('team-devices').getByRole('row')).toHaveCount(3)
    // Each computer with the person using it.
    await expect(other.getByTestId('team-devices')).toContainText('王芳')
    await expect(other.getByTestId('team-devices')).toContainText('Bruno Moreau')
    await shoot(other, 'team-fr')
    await other.goto('/#/customers')
    await expect(other.getByRole('link', { name: '利雅得海湾贸易公司' })).toBeVisible()

    // Bruno's edit reaches Anna, who now reads English.
    expect((await ipc(other, 'customers:update', { id, patch: { city: 'Jeddah' } })).ok).toBe(true)
    await other.goto('/#/team')
    await syncNow(other, 'fr')
    await useLanguage(page, 'en')
    await syncNow(page, 'en')
    await expect(page.getByTestId('team-last')).toContainText(tr('en', 'team.lastSync'))
    await shoot(page, 'team-en')
    await page.goto(`/#/customers/${id}`)
    await expect(page.getByText('Jeddah').first()).toBeVisible()

    // Both change the city before either syncs: a conflict on both computers, the same value shown.
    expect((await ipc(page, 'customers:update', { id, patch: { city: 'Dammam' } })).ok).toBe(true)
    expect((await ipc(other, 'customers:update', { id, patch: { city: 'Mecca' } })).ok).toBe(true)
    await page.goto('/#/team')
    await syncNow(page, 'en')
    await syncNow(other, 'fr')
    await syncNow(page, 'en')
    await expect(other.getByTestId('team-conflicts')).toBeVisible()
    // The header says so on every screen, and leads to the review.
    await expect(other.getByTestId('sync-status')).toHaveText(
      tr('fr', 'team.header.conflicts_one').replace('{{count}}', '1'),
    )
    await other.getByTestId('team-review').click()
    await expect(other.getByTestId('conflict')).toHaveCount(1)
    await shoot(other, 'review-fr')
    await other.keyboard.press('Escape')
    // Anna, now in Chinese, keeps the value not shown; Bruno's computer follows after its sync.
    await useLanguage(page, 'zh')
    await page.getByTestId('team-review').click()
    const conflict = page.getByTestId('conflict')
    await expect(conflict).toContainText('利雅得海湾贸易公司')
    const shown = await conflict.getByTestId('conflict-kept').innerText()
    const chosen = await conflict.getByTestId('conflict-other').innerText()
    expect([shown, chosen].sort()).toEqual(['Dammam', 'Mecca'])
    await shoot(page, 'review-zh')
    await conflict.getByTestId('keep-other').click()
    await expect(page.getByText(tr('zh', 'team.resolved'))).toBeVisible()
    await expect(page.getByTestId('conflicts-empty')).toBeVisible()
    await page.keyboard.press('Escape')
    await syncNow(page, 'zh')
    await syncNow(other, 'fr')
    await expect(other.getByTestId('team-conflicts')).toHaveCount(0)
    await expect(other.getByTestId('sync-status')).toContainText(
      tr('fr', 'team.header.synced').split(' ')[0]!,
    )
    const city = async (p: Page) =>
      (await ipc<{ customer: { city: string } }>(p, 'customers:get', { id })).data!.customer.city
    expect(await city(page)).toBe(chosen)
    expect(await city(other)).toBe(chosen)

    // The history tells the story on both computers: who set which city, on which computer.
    await other.goto(`/#/customers/${id}`)
    await other.getByTestId('history-toggle').click()
    const changes = other.getByTestId('history-change')
    await expect(changes.first()).toBeVisible()
    await expect(other.getByTestId('history-card')).toContainText('Bruno Moreau')
    await expect(other.getByTestId('history-card')).toContainText('王芳')
    await expect(other.getByTestId('history-card')).toContainText('Riyadh → Jeddah')
    await shoot(other, 'history-fr')
    await page.goto(`/#/customers/${id}`)
    await page.getByTestId('history-toggle').click()
    await expect(page.getByTestId('history-card')).toContainText(tr('zh', 'history.thisComputer'))
    await expect(page.getByTestId('history-card')).toContainText('Bruno Moreau')
    await shoot(page, 'history-zh')

    // Anna deletes the customer while Bruno, not yet synced, adds a note: it stays deleted, and
    // Bruno is asked. He keeps it, with his note, and Anna's computer brings it back.
    expect((await ipc(page, 'customers:delete', { id })).ok).toBe(true)
    expect(
      (await ipc(other, 'customers:update', { id, patch: { notes: 'Nouvel entrepôt à Djeddah' } })).ok,
    ).toBe(true)
    await page.goto('/#/team')
    await other.goto('/#/team')
    await syncNow(page, 'zh')
    await syncNow(other, 'fr')
    await other.getByTestId('team-review').click()
    const removal = other.getByTestId('conflict')
    await expect(removal).toContainText(tr('fr', 'team.removal.field'))
    await expect(removal.getByTestId('conflict-other')).toHaveText(tr('fr', 'team.removal.kept'))
    await shoot(other, 'removal-fr')
    await removal.getByTestId('keep-other').click()
    await expect(other.getByTestId('conflicts-empty')).toBeVisible()
    await other.keyboard.press('Escape')
    await syncNow(other, 'fr')
    await syncNow(page, 'zh')
    const back = await ipc<{ customer: { notes: string } }>(page, 'customers:get', { id })
    expect(back.data!.customer.notes).toBe('Nouvel entrepôt à Djeddah')
  } finally {
    await other.close()
    await bruno.stop()
    fs.rmSync(folder, { recursive: true, force: true })
  }
})

test('a database put back by hand: Sync now sends nothing and says why, in French', async ({ browser }) => {
  // Its own computer: the spec's shared one is in Anna's team already.
  const anna = await startHarness()
  const page = await browser.newPage({ baseURL: anna.url, viewport: { width: 1440, height: 900 } })
  try {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tradetier-shared-'))
    await page.goto('/#/team')
    await useLanguage(page, 'fr')
    const made = await ipc(page, 'team:create', {
      folder,
      name: 'Équipe export',
      deviceName: 'Portable Anna',
      userName: 'Anna Li',
    })
    expect(made.ok).toBe(true)
    // The folder says this computer's id sent more than its database holds: what a backup copied
    // back over the live file by hand looks like.
    const info = await ipc<{ deviceId: string }>(page, 'app:info')
    const file = path.join(folder, 'TradeTier', 'devices', `${info.data!.deviceId}.json`)
    const device = JSON.parse(fs.readFileSync(file, 'utf8')) as { publishedSeq: number }
    fs.writeFileSync(file, JSON.stringify({ ...device, publishedSeq: device.publishedSeq + 100 }))
    await page.reload()
    const answered = page.waitForResponse((r) => decodeURIComponent(r.url()).endsWith('/ipc/sync:now'))
    await page.getByTestId('sync-now').click()
    expect((await (await answered).json()) as unknown).toMatchObject({
      ok: true,
      data: { problem: 'restored_copy', published: 0, received: 0 },
    })
    await expect(page.getByTestId('team-paused')).toHaveText(tr('fr', 'team.problem.restored_copy'))
    await expect(page.getByTestId('sync-status')).toHaveText(tr('fr', 'team.header.paused'))
    await shoot(page, 'restored-copy-fr')
  } finally {
    await page.close()
    await anna.stop()
  }
})
