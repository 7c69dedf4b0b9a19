import { expect, test } from '../fixtures';

test.describe('the inspector and actions on the graph', () => {
  test("a pod's why here?, describe and owner chain; scaling its Deployment types the command", async ({ page, terminal, graph, lab }) => {
    await lab.open();
    await terminal.run('kubectl create deployment web --image=nginx --replicas=3');
    await terminal.waitForText('deployment.apps/web created');
    const firstPod = graph.region().getByRole('button', { name: /^web-[a-z0-9]+-[a-z0-9]{5}$/ }).first();
    await expect(firstPod).toBeVisible();
    const podName = (await firstPod.textContent()) ?? '';
    await firstPod.click();

    const inspector = graph.inspector();
    await expect(inspector.getByRole('heading')).toHaveText(`Pod ${podName} in default`);
    await expect(inspector.getByRole('tab', { name: 'Why here?' })).toHaveAttribute('aria-selected', 'true');
    const panel = inspector.getByRole('tabpanel');
    await expect(panel).toContainText(`Scheduling of default/${podName}:`);
    await expect(panel).toContainText('TaintToleration: ');
    await expect(panel).toContainText(/Bound to kind-worker2?\./);
    await page.screenshot({ path: 'test-results/inspector-why-here.png' });

    await inspector.getByRole('tab', { name: 'Describe' }).click();
    await expect(panel).toContainText(/Controlled By: +ReplicaSet\/web-/);
    await expect(panel).toContainText(`Successfully assigned default/${podName} to kind-worker`);
    await inspector.getByRole('tab', { name: 'YAML' }).click();
    await expect(panel).toContainText('kind: Pod');

    // Up the owner chain to the Deployment, then scale it from there.
    const owners = inspector.getByRole('navigation', { name: 'Owners' });
    await expect(owners).toContainText(/Deployment web → ReplicaSet web-[a-z0-9]+ → Pod web-/);
    await owners.getByRole('button', { name: 'Deployment web' }).click();
    await expect(inspector.getByRole('heading')).toHaveText('Deployment web in default');
    await expect(panel).toContainText('Replicas: ');
    await inspector.getByRole('spinbutton', { name: 'Replicas' }).fill('5');
    await inspector.getByRole('button', { name: 'Scale' }).click();
    await terminal.waitForText('$ kubectl scale deployment/web --replicas=5');
    await terminal.waitForText('deployment.apps/web scaled');
    await expect(graph.region().getByRole('button', { name: /^web-/ })).toHaveCount(5);

    await inspector.getByRole('button', { name: 'Close inspector' }).click();
    await expect(inspector).toBeHidden();
  });

  test('stopping a worker from the graph: its badge counts down at 30x until its pods move', async ({ page, terminal, graph, time, lab }) => {
    await lab.open();
    await terminal.run('kubectl create deployment web --image=nginx --replicas=4');
    await terminal.waitForText('deployment.apps/web created');
    await expect(graph.region().getByRole('button', { name: /^web-/ })).toHaveCount(4);

    await graph.open('kind-worker');
    const inspector = graph.inspector();
    await expect(inspector.getByRole('heading')).toHaveText('Node kind-worker');
    await inspector.getByRole('button', { name: 'Stop node' }).click();
    await terminal.waitForText('$ docker stop kind-worker');
    await time.speed().selectOption('30');

    // First the heartbeat grace runs out, then the pods' tolerations (300 s) do.
    const worker = graph.box('kind-worker');
    await expect(worker.locator('.box-countdown')).toHaveText(/^Unknown in \d+s$/);
    await expect(worker.locator('.box-badge')).toHaveText('NotReady', { timeout: 20_000 }); // kubectl's word for Ready=Unknown too
    await expect(worker.locator('.box-countdown')).toHaveText(/^evicts \d pods? in [0-4]:\d\d$/);
    const first = await worker.locator('.box-countdown').textContent();
    await expect.poll(async () => worker.locator('.box-countdown').textContent(), { message: 'the eviction countdown moves' }).not.toBe(first);
    await page.screenshot({ path: 'test-results/node-eviction-countdown.png' });
    await expect(graph.region().locator('.graph-pod.status-Terminating')).not.toHaveCount(0, { timeout: 30_000 });

    // Replacements run on kind-worker2; the old pods stay Terminating on the dead node.
    await time.speed().selectOption('1');
    await terminal.run('kubectl get pods -l app=web --field-selector spec.nodeName=kind-worker2 --no-headers | grep -c Running');
    await terminal.waitForLine(/^4$/);
  });
});
