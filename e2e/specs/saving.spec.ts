import { expect, test } from '../fixtures';
import { plantRecords } from '../fixtures/saving';

test.describe('saving the lab in the browser', () => {
  test('a reload keeps the cluster, the files, the shell, the editor and the line history', async ({ page, lab, terminal, editor, saving }) => {
    await lab.open();
    await expect(saving.status()).toHaveText('Saved in this browser');
    await terminal.run('kubectl create deployment web --image=nginx');
    await terminal.waitForText('deployment.apps/web created');
    await terminal.run('echo kept > note.txt && export GREETING=hello && mkdir -p work && cd work');
    await editor.ready();
    await editor.setValue('# my notes\nkind: Pod\n');
    await saving.waitUntilSaved('GREETING');
    await saving.waitUntilSaved('"web"');

    await page.reload();
    await expect.poll(() => page.evaluate(() => window.__kubelab?.lines().some((l) => l.startsWith('$ ')) ?? false)).toBe(true);
    await terminal.run('kubectl get deployment web --no-headers -o custom-columns=NAME:.metadata.name');
    await terminal.waitForLine(/^web$/);
    await terminal.run('pwd; cat ~/note.txt; echo "greeting=$GREETING"');
    await terminal.waitForLine(/^\/home\/learner\/work$/);
    await terminal.waitForText('greeting=hello');
    await terminal.waitForLine(/^kept$/);
    await editor.ready();
    expect(await editor.value()).toBe('# my notes\nkind: Pod\n');
    // The line history came back too: Up recalls the last line typed before the reload.
    await terminal.press('ArrowUp');
    await expect.poll(() => terminal.currentLine()).toContain('echo "greeting=$GREETING"');
  });

  test('a second tab runs unsaved and says so, until the learner moves the lab to it', async ({ page, lab, terminal, saving }) => {
    await lab.open();
    await terminal.run('kubectl create namespace first-tab');
    await terminal.waitForText('namespace/first-tab created');
    await saving.waitUntilSaved('first-tab');

    const second = await page.context().newPage();
    await second.goto('/');
    const secondStatus = second.locator('header').getByRole('status');
    await expect(secondStatus).toContainText('Not saved: open in another tab');
    await expect(saving.status()).toHaveText('Saved in this browser');

    // Moving the lab: the second tab reloads from what the first saved, and the first stops saving.
    await secondStatus.getByRole('button', { name: 'Use this tab' }).click();
    await expect(secondStatus).toHaveText('Saved in this browser');
    await expect(saving.status()).toContainText('Not saved: moved to another tab');
    await expect(saving.status().getByRole('button', { name: 'Use this tab' })).toBeVisible();
    await second.locator('.xterm-helper-textarea').focus();
    await second.keyboard.type('kubectl get namespace first-tab -o name');
    await second.keyboard.press('Enter');
    await expect.poll(() => second.evaluate(() => window.__kubelab?.lines().join('\n') ?? '')).toContain('namespace/first-tab');
    await second.close();
  });

  test('Reset cluster asks first, then starts a fresh cluster and keeps the editor', async ({ page, lab, terminal, editor }) => {
    await lab.open();
    await terminal.run('kubectl create deployment web --image=nginx');
    await terminal.waitForText('deployment.apps/web created');
    await editor.ready();
    await editor.setValue('kind: Service\n');

    const header = page.locator('header');
    await header.getByRole('button', { name: 'Reset cluster' }).click();
    const dialog = page.getByRole('dialog', { name: 'Reset the cluster?' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('every object in the cluster');
    await expect(dialog).toContainText('editor');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await terminal.run('kubectl get deployments -o name');
    await terminal.waitForText('deployment.apps/web');

    await header.getByRole('button', { name: 'Reset cluster' }).click();
    await dialog.getByRole('button', { name: 'Reset cluster' }).click();
    await terminal.waitForText('The cluster was reset');
    await expect.poll(() => page.evaluate(() => window.__kubelab?.lines().some((l) => l.startsWith('$ ')) ?? false)).toBe(true);
    await terminal.run('kubectl get deployments');
    await terminal.waitForText('No resources found in default namespace.');
    expect(await editor.value()).toBe('kind: Service\n');
  });

  test('a damaged saved lab loads what it can and says what it left out', async ({ page, lab, editor }) => {
    // A page of the lab's origin that is not the lab, so nothing else writes the records meanwhile.
    await page.goto('/robots.txt');
    await plantRecords(page, {
      lab: { format: 1, snapshot: 'not a snapshot' },
      workspace: { format: 1, tabs: [{ title: 'kept.yaml', text: 'kind: ConfigMap\n' }, { title: 42 }], active: 0, terminalHistory: 'nope' },
    });
    lab.errors.length = 0; // the text page's favicon request 404s; only the lab's own errors count
    await lab.open();
    const notice = page.getByRole('alert').filter({ hasText: 'could not be restored' });
    await expect(notice).toContainText('the saved cluster (unreadable)');
    await expect(notice).toContainText('1 editor tab(s) (unreadable)');
    await expect(notice).toContainText("the terminal's line history (unreadable)");
    await editor.ready();
    expect(await editor.value()).toBe('kind: ConfigMap\n');
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toBeHidden();
  });
});
