import { expect, test } from '../fixtures';

test.describe('the lab page', () => {
  test('shows the four areas, a live cluster and a working terminal', async ({ page, errors, terminal }) => {
    await page.goto('/');
    for (const name of ['Cluster graph', 'Terminal', 'Editor', 'Lessons']) {
      await expect(page.getByRole('region', { name })).toBeVisible();
    }
    const graph = page.getByRole('region', { name: 'Cluster graph' });
    for (const label of ['kube-apiserver', 'etcd', 'kube-scheduler', 'kube-controller-manager', 'kind-control-plane', 'kind-worker', 'kind-worker2']) {
      await expect(graph.getByText(label, { exact: true })).toBeVisible();
    }
    await terminal.waitForText('$ ');
    await terminal.run('kubectl get nodes');
    await terminal.waitForText('kind-worker2');
    const lines = await terminal.lines();
    expect(lines.some((l) => /^kind-control-plane\s+Ready\s+control-plane\s+\S+\s+v1\.34\.0$/.test(l))).toBe(true);
    await page.screenshot({ path: 'test-results/app.png' });
    expect(errors).toEqual([]);
  });

  test('creates objects from the terminal and shows them in the graph', async ({ page, terminal }) => {
    await page.goto('/');
    await terminal.waitForText('$ ');
    await terminal.run('kubectl get pods nginx');
    await terminal.waitForText('Error from server (NotFound): pods "nginx" not found');
    await terminal.run("cat <<EOF | kubectl apply -f -");
    for (const line of ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: nginx', 'spec:', '  containers:', '  - name: nginx', '    image: nginx:1.27', 'EOF']) {
      await terminal.run(line);
    }
    await terminal.waitForText('pod/nginx created');
    await expect(page.getByRole('region', { name: 'Cluster graph' }).getByText('nginx', { exact: true })).toBeVisible();
  });

  test('pauses, steps to the next event and changes the speed of virtual time', async ({ page, terminal }) => {
    await page.goto('/');
    const clock = page.getByTestId('sim.clock');
    const seconds = async () => Date.parse(((await clock.textContent()) ?? '').replace(' UTC', 'Z').replace(' ', 'T')) / 1000;
    await expect(clock).toContainText('2025-09-01');
    await terminal.waitForText('$ ');
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
    const frozen = await clock.textContent();
    await page.waitForTimeout(1500);
    expect(await clock.textContent()).toBe(frozen);
    // While paused, `sleep 30` waits on a timer; Step jumps straight to it.
    const start = await seconds();
    await terminal.run('sleep 30 && echo woke up');
    await page.getByRole('button', { name: 'Step' }).click();
    await terminal.waitForText('woke up');
    expect((await seconds()) - start).toBeGreaterThanOrEqual(30);
    await page.getByLabel('Speed').selectOption('60');
    await page.getByRole('button', { name: 'Play' }).click();
    const before = await seconds();
    await page.waitForTimeout(1000);
    expect((await seconds()) - before).toBeGreaterThan(20);
  });
});
