/**
 * The lab page in headless Chromium (Debian's /usr/bin/chromium), against the built app served by
 * `vite preview`: what a learner feels rather than what the engine computes.
 *
 * - first useful paint: from navigation until the graph shows kube-apiserver and the terminal its
 *   prompt, on a warm server with a fresh browser profile (median of 3 loads);
 * - frames while 100 pods churn at 10x (a Deployment rolled out again and again): frames per second
 *   and the 95th-percentile frame time, from requestAnimationFrame;
 * - frame time with 1,000 pods visible in the graph (scaled up to 1,000 at 10x);
 * - main-thread heap growth over one virtual hour at 60x (after a forced GC at both ends).
 *
 * Targets from the UI issue: first paint under 1.5 s, 60 fps at 100 pods churning, under 16 ms per
 * frame at 1,000 pods, no heap growth over the hour. Ends with one JSON line {"bench":"ui",...}.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chromium, type Page } from '@playwright/test';

const PORT = Number(process.env.BENCH_PORT ?? 4473);
const BASE = `http://127.0.0.1:${PORT}/`;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HOUR_WALL_MS = 60_000; // one virtual hour at 60x

function log(label: string, value: string): void {
  console.log(`${label.padEnd(52)} ${value}`);
}

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(BASE)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not start on ${BASE}`);
}

/** Waits until the graph and the terminal are ready; returns ms since navigation start. */
async function untilUseful(page: Page): Promise<number> {
  await page.waitForFunction(() => document.querySelector('.react-flow__node.graph-apiserver') !== null && (window.__kubelab?.lines().some((l) => l.startsWith('$')) ?? false), undefined, { polling: 'raf', timeout: 30_000 });
  return page.evaluate(() => performance.now());
}

async function type(page: Page, line: string): Promise<void> {
  await page.locator('.xterm-helper-textarea').focus();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
}

async function terminalShows(page: Page, text: string, timeout = 120_000): Promise<void> {
  await page.waitForFunction((t) => window.__kubelab?.lines().join('\n').includes(t) ?? false, text, { timeout });
}

/** Frame statistics over `ms` of wall time, from requestAnimationFrame in the page. */
async function frames(page: Page, ms: number): Promise<{ fps: number; p95: number; worst: number }> {
  return page.evaluate(
    (duration) =>
      new Promise<{ fps: number; p95: number; worst: number }>((resolve) => {
        const deltas: number[] = [];
        const start = performance.now();
        let last = start;
        const tick = (now: number) => {
          deltas.push(now - last);
          last = now;
          if (now - start < duration) requestAnimationFrame(tick);
          else {
            const sorted = [...deltas].sort((a, b) => a - b);
            resolve({ fps: (deltas.length * 1000) / (now - start), p95: sorted[Math.floor(sorted.length * 0.95)] ?? 0, worst: sorted[sorted.length - 1] ?? 0 });
          }
        };
        requestAnimationFrame(tick);
      }),
    ms,
  );
}

async function heapMiB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usage.usedSize / 1024 / 1024;
}

async function main(): Promise<void> {
  const build = spawnSync('node_modules/.bin/vite', ['build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('vite build failed');
  const server = spawn('node_modules/.bin/vite', ['preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore' });
  try {
    await waitForServer();
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
    const viewport = { width: 1280, height: 800 };

    // First useful paint: one warm-up load, then three measured ones, each in a fresh profile.
    const paints: number[] = [];
    for (let i = 0; i < 4; i++) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      await page.goto(BASE);
      const ms = await untilUseful(page);
      if (i > 0) paints.push(ms);
      await context.close();
    }
    const firstPaint = [...paints].sort((a, b) => a - b)[1] ?? 0;
    log('first useful paint (median of 3)', `${firstPaint.toFixed(0)} ms`);

    const context = await browser.newContext({ viewport });
    // tsx names closures with a `__name` helper; functions sent to page.evaluate need it defined there.
    await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    const page = await context.newPage();
    await page.goto(BASE);
    await untilUseful(page);
    const speed = page.getByRole('combobox', { name: 'Speed' });

    await type(page, 'kubectl create deployment churn --image=nginx --replicas=100');
    await terminalShows(page, 'deployment.apps/churn created');
    await speed.selectOption('10');
    // Churn: restart the rollout every few seconds while frames are counted.
    const churning = (async () => {
      for (let i = 0; i < 3; i++) {
        await type(page, 'kubectl rollout restart deployment/churn');
        await new Promise((r) => setTimeout(r, 3_000));
      }
    })();
    const churn = await frames(page, 10_000);
    await churning;
    log('100 pods churning at 10x', `${churn.fps.toFixed(1)} fps, p95 frame ${churn.p95.toFixed(1)} ms, worst ${churn.worst.toFixed(0)} ms`);

    await type(page, 'kubectl scale deployment/churn --replicas=1000');
    // Pods in the graph: boxes, plus the dots of crowded nodes and of the waiting list (their labels count them).
    const podsShown = () =>
      page.evaluate(() => {
        const dots = [...document.querySelectorAll('.react-flow__node.graph-tile .box-label')].reduce((sum, label) => sum + (Number.parseInt(label.textContent ?? '', 10) || 0), 0);
        return document.querySelectorAll('.react-flow__node.graph-pod').length + dots;
      });
    for (const deadline = Date.now() + 180_000; (await podsShown()) < 1000; ) {
      if (Date.now() > deadline) throw new Error('1,000 pods never showed in the graph');
      await new Promise((r) => setTimeout(r, 500));
    }
    const big = await frames(page, 5_000);
    log(`${await podsShown()} pods in the graph`, `${big.fps.toFixed(1)} fps, p95 frame ${big.p95.toFixed(1)} ms, worst ${big.worst.toFixed(0)} ms`);

    await type(page, 'kubectl scale deployment/churn --replicas=100');
    await speed.selectOption('60');
    const heapStart = await heapMiB(page);
    await new Promise((r) => setTimeout(r, HOUR_WALL_MS));
    const heapEnd = await heapMiB(page);
    log('main-thread heap over 1 virtual hour at 60x', `${heapStart.toFixed(1)} → ${heapEnd.toFixed(1)} MiB`);

    await browser.close();
    console.log(
      JSON.stringify({
        bench: 'ui',
        firstUsefulPaintMs: Math.round(firstPaint),
        churn100Fps: Number(churn.fps.toFixed(1)),
        churn100P95FrameMs: Number(churn.p95.toFixed(1)),
        pods1000P95FrameMs: Number(big.p95.toFixed(1)),
        pods1000Fps: Number(big.fps.toFixed(1)),
        heapStartMiB: Number(heapStart.toFixed(1)),
        heapEndMiB: Number(heapEnd.toFixed(1)),
      }),
    );
  } finally {
    server.kill();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
