import { AREAS } from '../fixtures/lab';
import { expect, test } from '../fixtures';

test.describe('the lab page', () => {
  test('loads a live cluster into four areas, runs kubectl, and pauses time', async ({ page, lab, terminal, graph, time }) => {
    await lab.open();
    await expect(page).toHaveTitle('kubelab');
    for (const name of AREAS) await expect(lab.area(name)).toBeVisible();

    for (const label of ['kube-apiserver', 'etcd', 'kube-scheduler', 'kube-controller-manager', 'kind-control-plane', 'kind-worker', 'kind-worker2']) {
      await expect(graph.box(label)).toBeVisible();
    }
    await expect(graph.region().getByText(/^coredns-/).first()).toBeVisible();

    await terminal.run('kubectl get nodes');
    await terminal.waitForLine(/^kind-worker2\s+Ready\s+<none>\s+\S+\s+v1\.34\.0$/);
    const lines = await terminal.lines();
    expect(lines).toContain('$ kubectl get nodes');
    expect(lines.some((l) => /^kind-control-plane\s+Ready\s+control-plane\s+\S+\s+v1\.34\.0$/.test(l))).toBe(true);
    await expect.poll(() => terminal.currentLine()).toBe('$ ');

    await time.pause().click();
    await expect(time.play()).toBeVisible();
    await expect(time.pause()).toHaveCount(0);
    await time.play().click();
    await expect(time.pause()).toBeVisible();

    await page.screenshot({ path: 'test-results/app.png' });
  });
});
