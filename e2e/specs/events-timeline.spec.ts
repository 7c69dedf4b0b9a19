import { expect, test } from '../fixtures';

test.describe('the events timeline', () => {
  test('scrubbing to a moment lists the events then, and one opens its object in the inspector', async ({ page, terminal, graph, lab }) => {
    await lab.open();
    const clock = page.getByTestId('sim.clock');
    // The clock just before the command: its events follow within a second or two.
    const beforeMs = Date.parse((await clock.getAttribute('datetime')) ?? '');
    await terminal.run('kubectl create deployment web --image=nginx');
    await terminal.waitForText('deployment.apps/web created');
    const timeline = page.getByRole('region', { name: 'Events timeline' });
    await expect(timeline).toContainText(/\d+ events/);
    // Wait until the pod's events are on the bar, then pin the moment just after the create.
    await terminal.run('kubectl wait --for=condition=Available deployment/web --timeout=60s');
    await terminal.waitForText('deployment.apps/web condition met');
    await timeline.getByRole('slider', { name: 'Scrub events' }).fill(String(Math.ceil(beforeMs / 1000) * 1000 + 1000));
    const near = timeline.getByRole('list', { name: /^Events near \d\d:\d\d:\d\d$/ });
    await expect(near).toContainText('ScalingReplicaSet');
    await expect(near).toContainText(/Scheduled pod\/web-[a-z0-9]+-[a-z0-9]{5} Successfully assigned default\/web-/);
    await page.screenshot({ path: 'test-results/events-timeline.png' });

    await near.getByRole('button', { name: /^pod\/web-/ }).first().click();
    await expect(graph.inspector().getByRole('heading')).toHaveText(/^Pod web-[a-z0-9]+-[a-z0-9]{5} in default$/);

    await timeline.getByRole('button', { name: 'Live' }).click();
    await expect(near).toHaveCount(0);
  });
});
