/** Where the Kubernetes documentation examples are (../shared/corpus/k8s-examples) and their YAML files. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const CORPUS_ROOT = new URL('../../../shared/corpus/k8s-examples/', import.meta.url).pathname;

/** Every .yaml/.yml file below `dir`, in sorted order. */
export function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((n) => {
      const p = join(dir, n);
      return statSync(p).isDirectory() ? yamlFiles(p) : /\.ya?ml$/.test(n) ? [p] : [];
    });
}
