/**
 * ImageLocality: favours nodes that already hold the pod's images, weighted by image size and by
 * how widely the image is spread (so one node with a popular image does not attract every pod).
 * Image names are compared as written, with `:latest` added to untagged names.
 */
import { isRecord, text } from '../../api/meta';
import type { KubeObject } from '../../api/meta';
import { MAX_NODE_SCORE, SUCCESS, type CycleState, type ScorePlugin } from '../framework/types';
import type { NodeInfo } from '../framework/node-info';

const MB = 1024 * 1024;
const MIN_THRESHOLD = 23 * MB;
const MAX_CONTAINER_THRESHOLD = 1000 * MB;

export function normalizedImageName(image: string): string {
  const last = image.slice(image.lastIndexOf('/') + 1);
  return image.includes('@') || last.includes(':') ? image : `${image}:latest`;
}

const STATE_KEY = 'PreScoreImageLocality';

const imagesMemo = new WeakMap<KubeObject, string[]>();

function podImages(pod: KubeObject): string[] {
  let images = imagesMemo.get(pod);
  if (!images) {
    const spec = isRecord(pod.spec) ? pod.spec : {};
    const list = (v: unknown): unknown[] => (Array.isArray(v) ? (v as unknown[]) : []);
    const containers = [...list(spec.containers), ...list(spec.initContainers)];
    images = containers.filter(isRecord).map((c) => normalizedImageName(text(c.image)));
    imagesMemo.set(pod, images);
  }
  return images;
}

/** Needs every node's images to know how widely each is spread; PreScore counts them once per cycle. */
export function imageLocality(allNodes: () => readonly NodeInfo[], nodesWithImage?: (image: string) => number): ScorePlugin {
  return {
    name: 'ImageLocality',
    preScore(state: CycleState, pod: KubeObject) {
      const nodes = allNodes();
      const spread = new Map<string, number>();
      for (const image of podImages(pod)) {
        if (spread.has(image)) continue;
        let n = 0;
        if (nodesWithImage) n = nodesWithImage(image);
        else for (const node of nodes) if (node.images.has(image)) n++;
        spread.set(image, n / Math.max(1, nodes.length));
      }
      state.write(STATE_KEY, spread);
      return SUCCESS;
    },
    score(state, pod, node) {
      if (node.images.size === 0) return 0;
      const images = podImages(pod);
      const spread = state.read<Map<string, number>>(STATE_KEY);
      const nodes = allNodes();
      let sum = 0;
      for (const name of images) {
        const size = node.images.get(name);
        if (size === undefined) continue;
        const share = spread?.get(name) ?? nodes.filter((n) => n.images.has(name)).length / Math.max(1, nodes.length);
        sum += Math.trunc(size * share);
      }
      const max = MAX_CONTAINER_THRESHOLD * Math.max(1, images.length);
      const clamped = Math.min(max, Math.max(MIN_THRESHOLD, sum));
      return Math.trunc((MAX_NODE_SCORE * (clamped - MIN_THRESHOLD)) / (max - MIN_THRESHOLD));
    },
  };
}
