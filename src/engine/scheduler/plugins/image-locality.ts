/**
 * ImageLocality: favours nodes that already hold the pod's images, weighted by image size and by
 * how widely the image is spread (so one node with a popular image does not attract every pod).
 * Image names are compared as written, with `:latest` added to untagged names.
 */
import { isRecord, text } from '../../api/meta';
import { MAX_NODE_SCORE, type ScorePlugin } from '../framework/types';
import type { NodeInfo } from '../framework/node-info';

const MB = 1024 * 1024;
const MIN_THRESHOLD = 23 * MB;
const MAX_CONTAINER_THRESHOLD = 1000 * MB;

export function normalizedImageName(image: string): string {
  const last = image.slice(image.lastIndexOf('/') + 1);
  return image.includes('@') || last.includes(':') ? image : `${image}:latest`;
}

/** Needs every node's images to know how widely each is spread; the runtime provides them. */
export function imageLocality(allNodes: () => readonly NodeInfo[]): ScorePlugin {
  return {
    name: 'ImageLocality',
    score(_state, pod, node) {
      const spec = isRecord(pod.spec) ? pod.spec : {};
      const list = (v: unknown): unknown[] => (Array.isArray(v) ? (v as unknown[]) : []);
      const containers = [...list(spec.containers), ...list(spec.initContainers)].filter(isRecord);
      const nodes = allNodes();
      let sum = 0;
      for (const c of containers) {
        const name = normalizedImageName(text(c.image));
        const size = node.images.get(name);
        if (size === undefined) continue;
        const spread = nodes.filter((n) => n.images.has(name)).length / Math.max(1, nodes.length);
        sum += Math.trunc(size * spread);
      }
      const max = MAX_CONTAINER_THRESHOLD * Math.max(1, containers.length);
      const clamped = Math.min(max, Math.max(MIN_THRESHOLD, sum));
      return Math.trunc((MAX_NODE_SCORE * (clamped - MIN_THRESHOLD)) / (max - MIN_THRESHOLD));
    },
  };
}
