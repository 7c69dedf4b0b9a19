/**
 * The container registry the lab's nodes pull from: which images exist and how big they are, so
 * `docker.io/library/ngnix` fails like a typo does and pull times follow image sizes.
 */

export interface ImageInfo {
  /** Fully qualified reference the runtime reports (`docker.io/library/nginx:1.27`). */
  reference: string;
  sizeBytes: number;
  /** How the main process reacts to SIGTERM: `fast` exits at once, `ignores` waits for SIGKILL. */
  onSigterm: 'fast' | 'ignores';
  /** Default command's behaviour when the pod gives none: keeps running, or exits at once with 0. */
  defaultRuns: 'forever' | 'exits';
}

interface Repository {
  /** Known tags; `*` accepts any tag that looks like a version. */
  tags: readonly string[];
  sizeBytes: number;
  onSigterm?: ImageInfo['onSigterm'];
  defaultRuns?: ImageInfo['defaultRuns'];
}

/** Repositories by their canonical name (registry/path without tag). */
const REPOSITORIES: Record<string, Repository> = {
  'docker.io/library/nginx': { tags: ['latest', 'alpine', 'stable', 'mainline', '1.27', '1.27.0', '1.27.5', '1.28', '1.28.0', '1.29', '1.25', '1.25.3', '1.26', '1.14.2', '1.16.1', '1.7.9', 'stable-alpine', '1.27-alpine'], sizeBytes: 72223946 },
  'docker.io/library/busybox': { tags: ['latest', '1.36', '1.36.1', '1.37', '1.28', 'stable', 'glibc', 'musl'], sizeBytes: 2166802, onSigterm: 'ignores', defaultRuns: 'exits' },
  'docker.io/library/alpine': { tags: ['latest', '3.20', '3.21', '3.22', '3.19', '3.18'], sizeBytes: 3653068, onSigterm: 'ignores', defaultRuns: 'exits' },
  'docker.io/library/httpd': { tags: ['latest', '2.4', 'alpine', '2.4-alpine'], sizeBytes: 58148592 },
  'docker.io/library/redis': { tags: ['latest', '7', '7.2', '7.4', '8', 'alpine', '6.2'], sizeBytes: 45716016 },
  'docker.io/library/postgres': { tags: ['latest', '16', '17', '15', '14', 'alpine'], sizeBytes: 158488180 },
  'docker.io/library/mysql': { tags: ['latest', '8', '8.0', '8.4', '9', '5.7', '5.6'], sizeBytes: 169893152 },
  'docker.io/library/perl': { tags: ['latest', '5.34.0', '5.34', '5.40', '5'], sizeBytes: 340104448, defaultRuns: 'exits' },
  'docker.io/library/ubuntu': { tags: ['latest', '22.04', '24.04', '20.04'], sizeBytes: 29754284, onSigterm: 'ignores', defaultRuns: 'exits' },
  'docker.io/library/debian': { tags: ['latest', 'bookworm', 'bookworm-slim', '12'], sizeBytes: 48508032, onSigterm: 'ignores', defaultRuns: 'exits' },
  'docker.io/library/python': { tags: ['latest', '3', '3.12', '3.13', 'slim'], sizeBytes: 412335412, defaultRuns: 'exits' },
  'docker.io/library/node': { tags: ['latest', '20', '22', 'lts', 'alpine'], sizeBytes: 398301184, defaultRuns: 'exits' },
  'docker.io/curlimages/curl': { tags: ['latest', '8.10.1', '8.11.0', '8.12.1'], sizeBytes: 11981872, onSigterm: 'ignores', defaultRuns: 'exits' },
  'docker.io/hashicorp/http-echo': { tags: ['latest', '1.0', '1.0.0', '0.2.3'], sizeBytes: 2864284 },
  'docker.io/polinux/stress': { tags: ['latest', '1.0.4'], sizeBytes: 4009634 }, // UNVERIFIED size
  'registry.k8s.io/pause': { tags: ['3.10', '3.10.1', '3.9', '3.8'], sizeBytes: 320448 },
  'registry.k8s.io/e2e-test-images/agnhost': { tags: ['2.39', '2.40', '2.43', '2.45', '2.52', '2.53'], sizeBytes: 51107316 },
  'registry.k8s.io/busybox': { tags: ['latest', '1.27.2'], sizeBytes: 675944, onSigterm: 'ignores', defaultRuns: 'exits' },
  'registry.k8s.io/nginx-slim': { tags: ['0.8', '0.21', '0.24', '0.26', '0.27'], sizeBytes: 44290872 },
  'registry.k8s.io/hpa-example': { tags: ['latest'], sizeBytes: 181201510 },
  'registry.k8s.io/metrics-server/metrics-server': { tags: ['v0.8.0', 'v0.7.2', 'v0.7.1'], sizeBytes: 19469632 }, // UNVERIFIED size
  'registry.k8s.io/ingress-nginx/controller': { tags: ['v1.12.1', 'v1.12.0', 'v1.13.0'], sizeBytes: 105497380 }, // UNVERIFIED size
  'registry.k8s.io/ingress-nginx/kube-webhook-certgen': { tags: ['v1.4.4', 'v1.5.0', 'v1.5.2'], sizeBytes: 27394768, defaultRuns: 'exits' }, // UNVERIFIED size
  // The control plane and add-on images a kind node ships with.
  'registry.k8s.io/kube-proxy': { tags: ['v1.34.0'], sizeBytes: 94580224 },
  'registry.k8s.io/kube-apiserver': { tags: ['v1.34.0'], sizeBytes: 97050360 },
  'registry.k8s.io/kube-controller-manager': { tags: ['v1.34.0'], sizeBytes: 90561792 },
  'registry.k8s.io/kube-scheduler': { tags: ['v1.34.0'], sizeBytes: 73162240 },
  'registry.k8s.io/etcd': { tags: ['3.6.4-0'], sizeBytes: 195976448 },
  'registry.k8s.io/coredns/coredns': { tags: ['v1.12.1'], sizeBytes: 22384805 },
  'docker.io/kindest/kindnetd': { tags: ['v20250512-df8de77b'], sizeBytes: 44375501 },
  'docker.io/kindest/local-path-provisioner': { tags: ['v20250214-acbabc1a'], sizeBytes: 22541737 },
  'docker.io/kindest/local-path-helper': { tags: ['v20241212-8ac705d0'], sizeBytes: 3084671 },
};

/** Splits an image reference into registry-qualified repository and tag (`nginx` → docker.io/library/nginx, latest). */
export function parseImage(image: string): { repository: string; tag: string; digest?: string } {
  let rest = image;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  let tag = 'latest';
  if (colon > slash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  const first = rest.split('/')[0] ?? '';
  const hasRegistry = rest.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  let repository = hasRegistry ? rest : `docker.io/${rest}`;
  if (!hasRegistry && !rest.includes('/')) repository = `docker.io/library/${rest}`;
  return { repository, tag, digest };
}

export type ImageLookup = { ok: true; image: ImageInfo } | { ok: false; reference: string; reason: 'not-found' | 'invalid' };

/** Looks an image up in the registry. Unknown repositories and tags fail as containerd reports them. */
export function lookupImage(image: string): ImageLookup {
  if (image.trim() === '' || /[A-Z\s]/.test(image.split('@')[0] ?? '')) return { ok: false, reference: image, reason: 'invalid' };
  const { repository, tag, digest } = parseImage(image);
  const reference = `${repository}:${tag}`;
  const repo = REPOSITORIES[repository];
  if (!repo || (!digest && !repo.tags.includes(tag))) return { ok: false, reference, reason: 'not-found' };
  const small = tag.includes('alpine') ? 0.3 : 1;
  return { ok: true, image: { reference, sizeBytes: Math.round(repo.sizeBytes * small), onSigterm: repo.onSigterm ?? 'fast', defaultRuns: repo.defaultRuns ?? 'forever' } };
}

/**
 * containerd's error for an image that cannot be pulled: a missing tag of a known repository is
 * `not found`; Docker Hub answers an unknown repository with an authorization error.
 */
export function pullError(reference: string): string {
  const repository = reference.replace(/:[^:/]+$/, '');
  const missingTag = REPOSITORIES[repository] !== undefined;
  return `failed to pull and unpack image "${reference}": failed to resolve reference "${reference}": ${reference.startsWith('docker.io/') && !missingTag ? 'pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed' : `${reference}: not found`}`;
}
