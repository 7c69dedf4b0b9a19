/**
 * `kubelab serve`: one simulation running in real time (times a speed factor), its API served over
 * HTTP on loopback, and a kubeconfig that points real kubectl (context `kind-kind`) at it.
 */
import { createServer, type Server, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createSimulation, type Simulation } from '../engine';
import { createHttpApi } from './http-api';
import { handleExecUpgrade } from './exec-websocket';
import { makeServingCertificate, type ServingCertificate } from './tls';

export interface ServeOptions {
  /** 0 picks a free port. */
  port: number;
  /**
   * Virtual seconds per wall second. 0 keeps time still except while a client waits: when a watch is
   * open and no request has come for `idleStepMs`, time skips to the next event (as the headless
   * runner does while a command waits). Tests use 0 so real kubectl and the in-lab one see the same times.
   */
  speed: number;
  sim: Simulation;
  idleStepMs?: number;
  /** Serve HTTPS with this certificate (else plain HTTP). */
  tls?: ServingCertificate;
}

export interface RunningServer {
  readonly port: number;
  readonly url: string;
  readonly sim: Simulation;
  /** The certificates for the kubeconfig (CA, and a client identity as kind's admin). */
  readonly tls?: ServingCertificate;
  close(): Promise<void>;
}

/** How often the wall clock drives virtual time forward. */
const TICK_MS = 20;

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const { sim, speed } = options;
  let lastActivity = performance.now();
  let openWatches = 0;
  const handler: (req: IncomingMessage, res: ServerResponse) => void = createHttpApi(sim, {
    afterRequest: () => sim.advance(0),
    onActivity: () => (lastActivity = performance.now()),
    onWatch: (delta) => (openWatches += delta),
  });
  const server: Server = options.tls ? createTlsServer({ cert: options.tls.certPem, key: options.tls.keyPem }, handler) : createServer(handler);
  // exec streams arrive as WebSocket upgrades (kubectl v1.34's default for exec).
  const sockets = new Set<Duplex>();
  server.on('upgrade', (req: IncomingMessage, socket: Duplex) => {
    lastActivity = performance.now();
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    const handled = handleExecUpgrade(sim, req, socket, {
      afterInput: () => {
        lastActivity = performance.now();
        sim.advance(0);
      },
      onStream: (delta) => (openWatches += delta),
    });
    if (!handled) socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
  });
  // Watches are long-lived; Node's default request timeouts would cut them.
  server.requestTimeout = 0;
  server.headersTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    // Loopback only: this API has no authentication.
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    const elapsed = now - last;
    last = now;
    if (speed > 0) sim.advance(Math.round(elapsed * speed));
    else if (openWatches > 0 && now - lastActivity >= (options.idleStepMs ?? 100)) {
      sim.step();
      lastActivity = now;
    } else sim.advance(0);
  }, TICK_MS);
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    sim,
    ...(options.tls ? { tls: options.tls } : {}),
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(ticker);
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A kubeconfig for the served cluster, named as kind names its cluster `kind`. */
export function kubeconfigFor(url: string, tls?: ServingCertificate): string {
  const b64 = (pem: string) => Buffer.from(pem).toString('base64');
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- cluster:',
    ...(tls ? [`    certificate-authority-data: ${b64(tls.caPem)}`] : []),
    `    server: ${url}`,
    '  name: kind-kind',
    'contexts:',
    '- context:',
    '    cluster: kind-kind',
    '    user: kind-kind',
    '  name: kind-kind',
    'current-context: kind-kind',
    'preferences: {}',
    'users:',
    '- name: kind-kind',
    ...(tls ? ['  user:', `    client-certificate-data: ${b64(tls.clientCertPem)}`, `    client-key-data: ${b64(tls.clientKeyPem)}`] : ['  user: {}']),
    '',
  ].join('\n');
}

export interface ServeCliOptions {
  port: number;
  speed: number;
  seed: number;
  kubeconfig: string;
  cluster: 'default' | 'empty' | 'single-node';
}

/** Runs until SIGINT/SIGTERM; prints where the API is and how to point kubectl at it. */
export async function serveCli(options: ServeCliOptions, out: NodeJS.WritableStream): Promise<void> {
  // Start at the host's time: real kubectl computes describe's event ages against its own clock.
  const sim = createSimulation({ seed: options.seed, cluster: options.cluster, startMs: Math.floor(Date.now() / 1000) * 1000 });
  const tls = makeServingCertificate();
  const running = await startServer({ port: options.port, speed: options.speed, sim, ...(tls ? { tls } : {}) });
  mkdirSync(dirname(options.kubeconfig), { recursive: true });
  writeFileSync(options.kubeconfig, kubeconfigFor(running.url, running.tls));
  if (!tls) out.write('kubelab: openssl not found, serving plain HTTP.\n');
  out.write(
    `kubelab is serving cluster "kind" at ${running.url} (virtual time at ${options.speed}x, seed ${options.seed}).\n` +
      `Point kubectl at it:\n\n  export KUBECONFIG=${options.kubeconfig}\n  kubectl get nodes\n\nPress Ctrl-C to stop.\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void running.close().then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  out.write('kubelab: stopped.\n');
}
