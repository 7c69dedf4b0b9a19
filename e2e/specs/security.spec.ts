import { expect, test } from '../fixtures';

test('the built page runs under a Content-Security-Policy: no inline script, no other origin', async ({ page, lab }) => {
  await lab.open();
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'self'");
  expect(policy).toContain("connect-src 'self'");
  const blocked = await page.evaluate(async () => {
    const results: string[] = [];
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true';
    document.body.append(script);
    results.push((window as unknown as { __injected?: boolean }).__injected ? 'inline ran' : 'inline blocked');
    results.push(await fetch('https://example.com/').then(() => 'fetch ran', () => 'fetch blocked'));
    return results;
  });
  expect(blocked).toEqual(['inline blocked', 'fetch blocked']);
  // The browser reports each refusal on the console; those are the point here, not page errors.
  lab.errors.splice(0, lab.errors.length, ...lab.errors.filter((e) => !/Content Security Policy|Refused to|Failed to fetch/.test(e)));
});
