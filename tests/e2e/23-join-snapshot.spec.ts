import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, freshDataDir, ipc, startHarness, test, tr, useLanguage, shootSizes } from './helpers'

// A new computer joins a team from its snapshot (issue 13 §5), through two harnesses: Anna's
// computer has a team with customers; at its next start it writes a snapshot into the folder.
// Bruno's empty computer joins in French: the snapshot is unpacked and swapped in under the running
// window (as a restore is), and his screens show Anna's customers and their history at once.

const SHOTS = '.tmp/shots/join'

test('a new computer joins from the team snapshot: the customers and their history are there at once', async ({
  page,
}) => {
  test.setTimeout(150_000)
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tradetier-shared-'))
  const annaDir = freshDataDir()
  let anna = await startHarness(annaDir, { keep: true })
  try {
    const call = async (channel: string, input: unknown) => {
      const res = await fetch(`${anna.url}/ipc/${channel}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: anna.url },
        body: JSON.stringify(input),
      })
      const body = (await res.json()) as { ok: boolean; data: unknown }
      expect(body.ok).toBe(true)
      return body.data
    }
    await call('team:create', {
      folder,
      name: 'Équipe export',
      deviceName: 'Portable Anna',
      userName: 'Anna Li',
    })
    const { id } = (await call('customers:create', {
      customer: { displayName: 'Lumière Export SARL', country: 'FR', city: 'Nantes' },
      contacts: [{ name: 'Claire Dubois', emails: ['claire@lumiere.fr'] }],
      allowDuplicates: true,
    })) as { id: string }
    await call('customers:update', { id, patch: { city: 'Rennes' } })
    await call('sync:now', {})
    // Anna's next start: the pass after it writes the team's first snapshot.
    await anna.stop()
    anna = await startHarness(annaDir, { keep: true })
    const snapshots = path.join(folder, 'TradeTier', 'snapshots')
    await expect
      .poll(
        () => (fs.existsSync(snapshots) ? fs.readdirSync(snapshots).filter((n) => n.endsWith('.snap')) : []),
        {
          timeout: 60_000,
        },
      )
      .toHaveLength(1)

    // Bruno, in French, on an empty computer: joins through the form.
    await page.goto('/#/team')
    await useLanguage(page, 'fr')
    await page.getByTestId('team-join-folder').fill(folder)
    await page.getByTestId('team-join-device').fill('Portable de Bruno')
    await page.getByTestId('team-join-user').fill('Bruno Moreau')
    await page.getByTestId('team-join-submit').click()
    await expect(page.getByTestId('team-name')).toHaveText('Équipe export', { timeout: 30_000 })
    await expect(page.getByTestId('team-devices')).toContainText('Anna Li')
    // Started from the snapshot: nothing of the team's stream was replayed to get here.
    const status = await ipc<{ pending: number }>(page, 'team:status', {})
    expect(status.data!.pending).toBe(0)
    await shootSizes(page, SHOTS, 'team-fr', { fullPage: true })

    await page.goto('/#/customers')
    await expect(page.getByRole('link', { name: 'Lumière Export SARL' })).toBeVisible()
    await page.goto(`/#/customers/${id}`)
    await expect(page.getByText('Rennes').first()).toBeVisible()
    await page.getByTestId('history-toggle').click()
    const card = page.getByTestId('history-card')
    await expect(card).toContainText('Nantes → Rennes')
    await expect(card).toContainText('Anna Li')
    await expect(card).toContainText('Claire Dubois')
    await shootSizes(page, SHOTS, 'history-fr', { fullPage: true })
    for (const lang of ['zh', 'en'] as const) {
      await useLanguage(page, lang)
      await page.getByTestId('history-toggle').click()
      await expect(page.getByTestId('history-card')).toContainText(/Nantes\W+\w*\W*Rennes/)
      await shootSizes(page, SHOTS, `history-${lang}`, { fullPage: true })
    }
    await expect(page.getByText(tr('en', 'history.thisComputer'))).toHaveCount(0)

    // His own change goes out, and Anna's computer gets it.
    expect((await ipc(page, 'customers:update', { id, patch: { city: 'Brest' } })).ok).toBe(true)
    expect((await ipc(page, 'sync:now', {})).ok).toBe(true)
    await call('sync:now', {})
    const got = (await call('customers:get', { id })) as { customer: { city: string } }
    expect(got.customer.city).toBe('Brest')
  } finally {
    await anna.stop()
    fs.rmSync(annaDir, { recursive: true, force: true })
  }
})
