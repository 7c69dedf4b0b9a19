import { expect, test } from '../fixtures';

test.describe('the colour theme', () => {
  test.use({ colorScheme: 'dark' });

  test('follows the system, switches to light from the header, and stays light after a reload', async ({ page, lab }) => {
    await lab.open();
    const html = page.locator('html');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const terminalBackground = () => page.evaluate(() => getComputedStyle(document.querySelector('.xterm-viewport') ?? document.body).backgroundColor);
    await expect(html).toHaveAttribute('data-theme', 'dark');
    expect(await background()).toBe('rgb(11, 15, 20)');

    await page.getByRole('button', { name: 'Use light theme' }).click();
    await expect(html).toHaveAttribute('data-theme', 'light');
    expect(await background()).toBe('rgb(246, 248, 250)');
    expect(await terminalBackground()).toBe('rgb(255, 255, 255)');
    await page.screenshot({ path: 'test-results/theme-light.png' });

    await page.reload();
    await expect(html).toHaveAttribute('data-theme', 'light');
    await expect(page.getByRole('button', { name: 'Use dark theme' })).toBeVisible();
    expect(lab.errors).toEqual([]);
  });

  test('a light system theme starts the lab light', async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await context.close();
  });
});
