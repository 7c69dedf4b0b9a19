import { expect, test } from '../fixtures';

test.describe('semantic zoom on a big cluster', () => {
  test('121 nodes become tiles with pod dots; picking a node shows it whole again', async ({ page, terminal, graph, lab }) => {
    test.setTimeout(90_000);
    await lab.open();
    await terminal.run('kind delete cluster');
    await terminal.waitForText('Deleted nodes:');
    await terminal.run(`printf 'kind: Cluster\\napiVersion: kind.x-k8s.io/v1alpha4\\nnodes:\\n- role: control-plane\\n' > big.yaml`);
    await terminal.run(`seq 120 | xargs -I{} echo '- role: worker' >> big.yaml`);
    await terminal.run('kind create cluster --config big.yaml');
    await terminal.waitForText('Have a nice day!');

    const region = graph.region();
    await expect(region.getByText('Many nodes: each is a tile, its pods are dots.')).toBeVisible();
    await expect(region.locator('.react-flow__node.graph-tile')).toHaveCount(121);
    await expect(region.getByText('121 nodes, each running kubelet, kube-proxy and a container runtime')).toBeVisible();
    // No pod is a box of its own at this size.
    await expect(region.locator('.react-flow__node.graph-pod')).toHaveCount(0);
    // A tile's dots are drawn: its canvas is not blank once its DaemonSet pods run.
    await expect
      .poll(() =>
        region
          .locator('.react-flow__node.graph-tile', { hasText: 'kind-worker100' })
          .locator('canvas')
          .evaluate((canvas: HTMLCanvasElement) => canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data.some((v, i) => i % 4 === 3 && v > 0) ?? false),
      )
      .toBe(true);
    await page.screenshot({ path: 'test-results/graph-tiles.png' });

    // A tile opens its node in the inspector.
    await region.getByRole('button', { name: 'kind-worker42', exact: true }).click();
    await expect(graph.inspector().getByRole('heading')).toHaveText('Node kind-worker42');
    await graph.inspector().getByRole('button', { name: 'Close inspector' }).click();

    await region.getByLabel('Graph filters').getByRole('combobox', { name: 'Node' }).selectOption('kind-worker42');
    await expect(region.locator('.react-flow__node.graph-tile')).toHaveCount(0);
    await expect(region.locator('.react-flow__node.graph-node')).toHaveCount(1);
    await expect(region.getByRole('button', { name: /^kindnet-/ })).toHaveCount(1);
  });
});
