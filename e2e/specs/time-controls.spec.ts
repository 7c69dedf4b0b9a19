import { expect, test } from '../fixtures';

test.describe('time controls', () => {
  test('pause freezes virtual time, Step runs the next event, Speed multiplies', async ({ page, lab, terminal, time }) => {
    await lab.open();
    await expect(time.clock()).toContainText('2025-09-01');
    await time.pause().click();
    await expect(time.play()).toBeVisible();
    const frozen = await time.seconds();
    await page.waitForTimeout(1_500);
    expect(await time.seconds()).toBe(frozen);

    // While paused, `sleep 30` waits on a timer; Step jumps straight to it.
    await terminal.run('sleep 30 && echo woke up');
    await terminal.waitForLine(/^\$ sleep 30 && echo woke up$/);
    // Each Step runs the next task or timer; other components' timers may come first.
    for (let i = 0; i < 400 && !(await terminal.lines()).includes('woke up'); i++) {
      await time.step().click();
      await page.waitForTimeout(50);
    }
    await terminal.waitForLine(/^woke up$/);
    expect((await time.seconds()) - frozen).toBeGreaterThanOrEqual(30);

    await time.speed().selectOption('60');
    await time.play().click();
    const before = await time.seconds();
    await page.waitForTimeout(1_000);
    expect((await time.seconds()) - before).toBeGreaterThan(20);
  });
});
