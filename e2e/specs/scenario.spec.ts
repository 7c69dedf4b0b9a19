import { readFile } from 'node:fs/promises';
import { expect, test } from '../fixtures';

test.describe('scenarios: export, import and links', () => {
  test('exports the lab to a file and imports it back after a preview', async ({ page, lab, terminal }) => {
    await lab.open();
    await terminal.run('kubectl create namespace exported && mkdir -p shared && cd shared && echo hi > note.txt');
    await terminal.waitForText('namespace/exported created');

    const header = page.locator('header');
    await header.getByRole('button', { name: 'Scenario' }).click();
    const downloading = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: 'Export to a file' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^kubelab-scenario-2025-09-01T09-\d\d-\d\d\.json$/);
    const file = await download.path();
    const text = await readFile(file, 'utf8');
    expect(JSON.parse(text)).toMatchObject({ kind: 'kubelab-scenario', format: 1 });

    // Change the lab, then bring the exported one back.
    await terminal.run('kubectl delete namespace exported && cd ~');
    await terminal.waitForText('namespace "exported" deleted');
    await page.getByLabel('Scenario file').setInputFiles({ name: 'lab.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    const dialog = page.getByRole('dialog', { name: 'Import the scenario?' });
    await expect(dialog).toContainText('a terminal in /home/learner/shared');
    await expect(dialog).toContainText('It replaces the cluster');
    await dialog.getByRole('button', { name: 'Import' }).click();
    await terminal.waitForText('A scenario was imported');
    await expect.poll(() => page.evaluate(() => window.__kubelab?.lines().some((l) => l.startsWith('$ ')) ?? false)).toBe(true);
    await terminal.run('kubectl get namespace exported -o name; pwd; cat note.txt');
    await terminal.waitForText('namespace/exported');
    await terminal.waitForLine(/^\/home\/learner\/shared$/);
    await terminal.waitForLine(/^hi$/);
  });

  test('a file that is not a scenario is refused in words and the lab is unchanged', async ({ page, lab, terminal }) => {
    await lab.open();
    await terminal.run('kubectl create namespace kept');
    await terminal.waitForText('namespace/kept created');
    await page.locator('header').getByRole('button', { name: 'Scenario' }).click();
    await expect(page.getByRole('menu', { name: 'Scenario' })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('menu', { name: 'Scenario' })).toBeHidden();
    await page.getByLabel('Scenario file').setInputFiles({ name: 'pod.json', mimeType: 'application/json', buffer: Buffer.from('{"apiVersion": "v1", "kind": "Pod"}') });
    const dialog = page.getByRole('dialog', { name: 'Import the scenario?' });
    await expect(dialog.getByRole('alert')).toHaveText('This cannot be imported: not a kubelab scenario: it has no "kind": "kubelab-scenario". Your lab is unchanged.');
    await expect(dialog.getByRole('button', { name: 'Import' })).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await terminal.run('kubectl get namespace kept -o name');
    await terminal.waitForText('namespace/kept');
  });

  test('a copied link opens the same lab in another browser, after its preview', async ({ page, lab, terminal, browser }) => {
    await lab.open();
    await terminal.run('kubectl create deployment shared --image=nginx');
    await terminal.waitForText('deployment.apps/shared created');
    await page.locator('header').getByRole('button', { name: 'Scenario' }).click();
    await page.getByRole('menuitem', { name: 'Copy a link' }).click();
    const linkDialog = page.getByRole('dialog', { name: 'A link to this lab' });
    const linkBox = linkDialog.getByRole('textbox', { name: 'Scenario link' });
    await expect(linkBox).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+\/#scenario=[A-Za-z0-9_-]+$/);
    const url = await linkBox.inputValue();
    await linkDialog.getByRole('button', { name: 'Close' }).click();

    const other = await browser.newContext();
    const friend = await other.newPage();
    await friend.goto(url);
    const dialog = friend.getByRole('dialog', { name: 'Import the scenario?' });
    await dialog.getByRole('button', { name: 'Import' }).click();
    await expect(friend).toHaveURL(/\/$/);
    await expect.poll(() => friend.evaluate(() => window.__kubelab?.lines().join('\n') ?? '')).toContain('A scenario was imported');
    await friend.locator('.xterm-helper-textarea').focus();
    await friend.keyboard.type('kubectl get deployment shared -o name');
    await friend.keyboard.press('Enter');
    await expect.poll(() => friend.evaluate(() => window.__kubelab?.lines().join('\n') ?? '')).toContain('deployment.apps/shared');
    await other.close();
  });
});
