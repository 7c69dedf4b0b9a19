import { expect, test } from '../fixtures';

test.describe('the editor', () => {
  test('applies its manifest with kubectl apply and shows what kubectl said', async ({ lab, editor, graph }) => {
    await lab.open();
    await expect(editor.manifest()).toHaveValue(/kind: Pod/);
    await editor.apply();
    await expect(editor.result()).toHaveText('pod/nginx created');
    await expect(graph.box('nginx')).toBeVisible();
    await editor.apply();
    await expect(editor.result()).toHaveText('pod/nginx unchanged');
    await editor.apply('kind: Foo\n');
    await expect(editor.result()).toContainText('apiVersion not set');
  });
});
