import { expect, test } from '../fixtures';

test.describe('the terminal', () => {
  test.beforeEach(async ({ lab }) => lab.open());

  test('edits the line before sending it, and recalls history', async ({ terminal }) => {
    await terminal.type('kubectl get nods');
    await terminal.press('ArrowLeft');
    await terminal.type('e');
    await terminal.press('Home');
    await terminal.press('End');
    await terminal.press('Enter');
    await terminal.waitForLine(/^kind-control-plane\s+Ready/);
    await terminal.press('ArrowUp');
    await expect.poll(() => terminal.currentLine()).toBe('$ kubectl get nodes');
    await terminal.press('Control+c');
    await expect.poll(() => terminal.currentLine()).toBe('$ ');
  });

  test('interrupts a running command with Ctrl-C', async ({ terminal }) => {
    await terminal.run('sleep 600');
    await expect.poll(() => terminal.currentLine()).toBe('');
    await terminal.press('Control+c');
    await expect.poll(() => terminal.currentLine()).toBe('$ ');
    await terminal.run('echo back');
    await terminal.waitForLine(/^back$/);
  });

  test('creates a pod from a here-document, and the graph shows it', async ({ terminal, graph }) => {
    await terminal.run('kubectl get pods nginx');
    await terminal.waitForText('Error from server (NotFound): pods "nginx" not found');
    await terminal.run('cat <<EOF | kubectl apply -f -');
    for (const line of ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: nginx', 'spec:', '  containers:', '  - name: nginx', '    image: nginx:1.27', 'EOF']) {
      await terminal.run(line);
    }
    await terminal.waitForText('pod/nginx created');
    await expect(graph.box('nginx')).toBeVisible();
  });
});
