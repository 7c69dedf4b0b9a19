/** Secrets: SetDefaults_Secret gives a Secret without a type the type Opaque. */
import type { KubeObject } from '../../api/meta';
import { validateObjectMeta } from './object-meta';
import type { ResourceStrategy } from './strategy';

export const secretStrategy: ResourceStrategy = {
  validate: validateObjectMeta,
  applyDefaults(object) {
    const secret = object as KubeObject & { type?: unknown };
    if (secret.type === undefined || secret.type === '') secret.type = 'Opaque';
  },
};
