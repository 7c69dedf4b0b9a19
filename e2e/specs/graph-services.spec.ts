import { expect, test } from '../fixtures';

test.describe('Services and filters on the graph', () => {
  test('a Service is linked to its ready endpoints; filters by label, namespace and node narrow the graph', async ({ page, terminal, graph, lab }) => {
    await lab.open();
    await terminal.run('kubectl create deployment web --image=nginx --replicas=2 && kubectl expose deployment web --port=80');
    await terminal.waitForText('service/web exposed');
    const region = graph.region();
    const webService = region.getByRole('button', { name: 'web', exact: true });
    await expect(webService).toBeVisible();
    await expect(region.locator('.react-flow__node.graph-service').filter({ hasText: 'kube-system/kube-dns' })).toBeVisible();
    // Two web pods become ready endpoints: two links from the web Service.
    await expect(region.locator('.react-flow__edge.endpoint:not(.not-ready)[data-id^="edge/service/"]')).toHaveCount(2 + 2 + 1, { timeout: 20_000 });
    await page.screenshot({ path: 'test-results/graph-services.png' });

    const filters = region.getByLabel('Graph filters');
    const labels = filters.getByRole('textbox', { name: 'Labels' });
    await labels.fill('app=web');
    await labels.press('Enter');
    await expect(region.getByRole('button', { name: /^coredns-/ })).toHaveCount(0);
    await expect(region.getByRole('button', { name: /^web-/ })).toHaveCount(2);
    await expect(webService).toBeVisible();

    await labels.fill('app in web');
    await labels.press('Enter');
    await expect(filters.getByRole('alert')).toHaveText(/^unable to parse requirement: /);
    await labels.fill('');
    await labels.press('Enter');
    await expect(filters.getByRole('alert')).toHaveCount(0);

    await filters.getByRole('combobox', { name: 'Namespace' }).selectOption('kube-system');
    await expect(region.getByRole('button', { name: /^web-/ })).toHaveCount(0);
    await expect(region.getByRole('button', { name: /^coredns-/ })).toHaveCount(2);
    await filters.getByRole('combobox', { name: 'Namespace' }).selectOption('');

    await filters.getByRole('combobox', { name: 'Node' }).selectOption('kind-control-plane');
    await expect(region.getByRole('button', { name: 'kind-worker', exact: true })).toHaveCount(0);
    await expect(region.getByRole('button', { name: 'kind-control-plane', exact: true })).toBeVisible();
    await expect(region.getByRole('button', { name: /^web-/ })).toHaveCount(0);

    // The legend switches a client's traffic glow off.
    await region.getByRole('button', { name: 'Legend' }).click();
    const legend = region.getByLabel('Graph legend');
    await legend.getByRole('checkbox', { name: 'kubectl requests' }).uncheck();
    await filters.getByRole('combobox', { name: 'Node' }).selectOption('');
    await terminal.run('kubectl get pods');
    await expect(region.locator('.react-flow__edge[data-id="edge/kubectl"].active')).toHaveCount(0);
    await legend.getByRole('checkbox', { name: 'kubectl requests' }).check();
    await terminal.run('kubectl get pods');
    await expect(region.locator('.react-flow__edge[data-id="edge/kubectl"].active')).toHaveCount(1);
  });
});
