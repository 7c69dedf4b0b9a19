import { expect, test } from '../fixtures';

const BROKEN = `apiVersion: v1
kind: Pod
metadata:
  name: broken
spec:
  containers:
  - name: web
    image: nginx
     ports: 1
`;

test.describe('the editor', () => {
  test('loads Monaco after the page and applies its manifest with kubectl apply', async ({ page, lab, editor, graph }) => {
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await lab.open();
    await editor.ready();
    // Monaco is a chunk of its own, fetched by the lazy editor, not part of the page's entry script.
    const entry = await page.locator('script[type="module"][src]').getAttribute('src');
    expect(scripts.some((p) => /\/assets\/YamlEditor-[\w-]+\.js$/.test(p))).toBe(true);
    const entryText = await page.evaluate(async (src) => (await fetch(src ?? '')).text(), entry);
    expect(entryText.length).toBeGreaterThan(100_000);
    expect(entryText).not.toContain('monaco');
    await expect(editor.input()).toBeAttached();
    expect(await editor.value()).toContain('kind: Pod');
    await editor.apply();
    await expect(editor.result()).toHaveText('pod/nginx created');
    await expect(graph.box('nginx')).toBeVisible();
    // Ctrl+Enter in the editor applies too.
    await editor.focusEnd();
    await page.keyboard.press('Control+Enter');
    await expect(editor.result()).toHaveText('pod/nginx unchanged');
  });

  test('completes and explains Kubernetes fields from the v1.34 schema', async ({ page, lab, editor }) => {
    await lab.open();
    await editor.ready();
    await editor.setValue('apiVersion: apps/v1\nkind: Deployment\nspec:\n  \n');
    await editor.region().locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.press('Control+Space');
    await expect(editor.suggestions().filter({ hasText: /^replicas/ })).toBeVisible();
    await expect(editor.suggestions().filter({ hasText: /^revisionHistoryLimit/ })).toBeVisible();
    await page.keyboard.press('Escape');

    // Kinds the lab serves are offered as values.
    await editor.setValue('apiVersion: v1\nkind: ');
    await editor.focusEnd();
    await page.keyboard.type('Persist');
    await page.keyboard.press('Control+Space');
    await expect(editor.suggestions().filter({ hasText: /^PersistentVolumeClaim$/ })).toBeVisible();
    await expect(editor.suggestions().filter({ hasText: /^PersistentVolume$/ })).toBeVisible();
    await page.keyboard.press('Escape');

    // The schema's validation: a field Deployment's spec does not have, and the fields it requires.
    await editor.setValue('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replica: 3\n');
    await expect.poll(async () => (await editor.markers('yaml')).map((m) => m.message).join('\n')).toContain('Property replica is not allowed.');
    await expect.poll(async () => (await editor.markers('yaml')).map((m) => m.message).join('\n')).toContain('Missing property "selector".');

    // Hover shows the field's description.
    await editor.setValue('apiVersion: v1\nkind: Pod\nspec:\n  restartPolicy: Always\n');
    await editor.region().locator('.view-line', { hasText: 'restartPolicy' }).getByText('restartPolicy').hover();
    await expect(editor.region().locator('.monaco-hover:not(.hidden)')).toContainText('Restart policy for all containers within the pod.');
    await page.screenshot({ path: 'test-results/editor.png' });
  });

  test('marks a YAML error inline and applies nothing', async ({ page, lab, editor, terminal }) => {
    await lab.open();
    await editor.ready();
    await editor.apply(BROKEN);
    await expect(editor.result()).toHaveText('error: error parsing STDIN: error converting YAML to JSON: yaml: line 9: mapping values are not allowed in this context');
    await expect.poll(() => editor.markers('kubectl')).toEqual([{ owner: 'kubectl', message: 'yaml: line 9: mapping values are not allowed in this context', line: 9, column: 6 }]);
    expect(await editor.value()).toBe(BROKEN);
    await terminal.run('kubectl get pods');
    await terminal.waitForText('No resources found in default namespace.');

    // An invalid object: the API server's complaint is marked at the field, and nothing is created.
    await editor.apply('apiVersion: v1\nkind: Pod\nmetadata:\n  name: noimage\nspec:\n  containers:\n  - name: web\n');
    await expect(editor.result()).toHaveText('The Pod "noimage" is invalid: spec.containers[0].image: Required value');
    await expect.poll(() => editor.markers('kubectl')).toEqual([{ owner: 'kubectl', message: 'spec.containers[0].image: Required value', line: 7, column: 5 }]);
    await terminal.run('kubectl get pod noimage');
    await terminal.waitForText('Error from server (NotFound): pods "noimage" not found');

    // Typing is normal editing (spaces kept), and an edit clears kubectl's markers.
    await editor.focusEnd();
    await page.keyboard.type('    image: nginx');
    await expect.poll(() => editor.value()).toContain('\n    image: nginx');
    expect(await editor.markers('kubectl')).toEqual([]);
  });

  test('opens terminal files in tabs, saves them, and starts from the gallery', async ({ page, lab, editor, terminal }) => {
    await lab.open();
    await editor.ready();
    await terminal.run("printf 'apiVersion: v1\\nkind: ConfigMap\\nmetadata:\\n  name: from-terminal\\n' > cm.yaml");
    await editor.button('Open file').click();
    await editor.region().getByRole('button', { name: '~/cm.yaml' }).click();
    await expect(editor.tab('cm.yaml')).toHaveAttribute('aria-selected', 'true');
    expect(await editor.value()).toContain('name: from-terminal');
    await editor.apply();
    await expect(editor.result()).toHaveText('configmap/from-terminal created');

    await editor.setValue('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: saved-in-editor\n');
    await editor.button('Save').click();
    await terminal.run('cat cm.yaml');
    await terminal.waitForText('  name: saved-in-editor');

    await terminal.run('vi pod.yaml');
    await expect(editor.tab('pod.yaml')).toHaveAttribute('aria-selected', 'true');

    // Changed in the terminal and opened again: the tab (with no unsaved edits) shows the new text.
    await terminal.run("echo 'kind: Pod' > cm.yaml");
    await terminal.run('vi cm.yaml');
    await expect(editor.tab('cm.yaml')).toHaveAttribute('aria-selected', 'true');
    await expect.poll(() => editor.value()).toBe('kind: Pod\n');

    // A draft is saved under the name the learner gives.
    await editor.button('New file').click();
    await expect(editor.tab('Untitled-2')).toHaveAttribute('aria-selected', 'true');
    await editor.setValue('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: drafts\n');
    page.once('dialog', (dialog) => void dialog.accept('ns.yaml'));
    await editor.button('Save').click();
    await expect(editor.tab('ns.yaml')).toHaveAttribute('aria-selected', 'true');
    await terminal.run('cat ~/ns.yaml');
    await terminal.waitForText('  name: drafts');

    await editor.region().getByLabel('Starter manifests').selectOption('Deployment');
    await expect(editor.tab('Untitled-2')).toHaveAttribute('aria-selected', 'true');
    expect(await editor.value()).toContain('kind: Deployment');
    await editor.apply();
    await expect(editor.result()).toHaveText('deployment.apps/web created');

    await editor.button('Close Untitled-2').click();
    await expect(editor.tab('Untitled-2')).toHaveCount(0);
  });
});
