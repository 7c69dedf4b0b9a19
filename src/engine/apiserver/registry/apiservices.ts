/** apiregistration.k8s.io/v1 APIService: a Service reference defaults to port 443 (SetDefaults_ServiceReference). */
import { isRecord } from '../../api/meta';
import type { ResourceStrategy } from './strategy';
import { validateObjectMeta } from './object-meta';

export const apiServiceStrategy: ResourceStrategy = {
  validate: validateObjectMeta,
  hasStatusSubresource: true,
  applyDefaults(object) {
    const spec = isRecord(object.spec) ? object.spec : {};
    if (isRecord(spec.service) && spec.service.port === undefined) spec.service = { ...spec.service, port: 443 };
  },
};
