/**
 * `kubectl version [--client] [-o json|yaml]`: the client's build, the bundled kustomize, and the
 * server's GET /version. JSON is indented by two spaces, as kubectl marshals it.
 */
import { isRecord } from '../../../api/meta';
import { bool, str, type FlagSpec } from '../../../kubectl/flags';
import { toYaml } from '../../../kubectl/printers/object-printer';
import { requireConnection, type KubectlContext } from './context';

export const VERSION_FLAGS: FlagSpec[] = [
  { name: 'client', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
];

export const CLIENT_VERSION = { major: '1', minor: '34', gitVersion: 'v1.34.0', gitCommit: 'f28b4c9efbca5c5c0af716d9f2d5702667ee8a45', gitTreeState: 'clean', buildDate: '2025-08-27T10:15:54Z', goVersion: 'go1.24.6', compiler: 'gc', platform: 'linux/amd64' };
/** kubectl v1.34 embeds kustomize v5.7.1. */
export const KUSTOMIZE_VERSION = 'v5.7.1';

export function runVersion(k: KubectlContext): number {
  const output = str(k.flags, 'output') ?? '';
  if (output !== '' && output !== 'json' && output !== 'yaml') {
    k.err('error: --output must be \'yaml\' or \'json\'\n');
    return 1;
  }
  const info: Record<string, unknown> = { clientVersion: CLIENT_VERSION, kustomizeVersion: KUSTOMIZE_VERSION };
  let code = 0;
  if (!bool(k.flags, 'client')) {
    const conn = k.connection();
    if (!conn.ok) {
      if (output === '') k.out(`Client Version: ${CLIENT_VERSION.gitVersion}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`);
      requireConnection(k);
      code = 1;
    } else {
      const r = conn.client.raw({ method: 'GET', path: '/version' });
      if (r.status < 300 && isRecord(r.body)) info.serverVersion = r.body;
    }
  }
  // JSON keeps Go's struct field order (major, minor, gitVersion, ...); YAML sorts keys.
  if (output === 'json') k.out(JSON.stringify(info, null, 2) + '\n');
  else if (output === 'yaml') k.out(toYaml(info));
  else if (code === 0) {
    k.out(`Client Version: ${CLIENT_VERSION.gitVersion}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`);
    const server = info.serverVersion;
    if (isRecord(server) && typeof server.gitVersion === 'string') k.out(`Server Version: ${server.gitVersion}\n`);
  }
  return code;
}
