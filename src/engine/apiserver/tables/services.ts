/** Networking: Services, Endpoints, EndpointSlices, Ingresses, IngressClasses, NetworkPolicies, ServiceCIDRs, IPAddresses. */
import type { KubeObject } from '../../api/meta';
import { goSortStrings } from '../../kubectl/printers/go-format';
import { AGE_COLUMN, age, arr, col, doc, formatLabels, formatLabelSelector, int, joinHostPort, name, NAME_COLUMN, rec, str, strings } from './cells';
import type { Printer } from './types';

/** loadBalancerStatusStringer (wide, as the server prints): unique IPs or hostnames, sorted. */
function loadBalancerIngress(status: unknown): string {
  const values = new Set<string>();
  for (const i of arr(rec(status).ingress)) {
    if (str(i.ip)) values.add(str(i.ip));
    else if (str(i.hostname)) values.add(str(i.hostname));
  }
  return goSortStrings(values).join(',');
}

function serviceExternalIP(svc: KubeObject): string {
  const spec = rec(svc.spec);
  const external = strings(spec.externalIPs);
  switch (spec.type) {
    case 'ClusterIP':
    case 'NodePort':
      return external.length ? external.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = loadBalancerIngress(rec(svc.status).loadBalancer);
      if (external.length) return [...(lb ? lb.split(',') : []), ...external].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return str(spec.externalName);
    default:
      return '<unknown>';
  }
}

/** makePortString: `80/TCP`, `80:30080/TCP`, comma-joined. */
function servicePorts(spec: Record<string, unknown>): string {
  return arr(spec.ports)
    .map((p) => (int(p.nodePort) > 0 ? `${int(p.port)}:${int(p.nodePort)}/${str(p.protocol)}` : `${int(p.port)}/${str(p.protocol)}`))
    .join(',');
}

export const servicePrinter: Printer = {
  columns: [
    NAME_COLUMN,
    col('Type', 'string', doc('core.ServiceSpec.type')),
    col('Cluster-IP', 'string', doc('core.ServiceSpec.clusterIP')),
    col('External-IP', 'string', doc('core.ServiceSpec.externalIPs')),
    col('Port(s)', 'string', doc('core.ServiceSpec.ports')),
    AGE_COLUMN,
    col('Selector', 'string', doc('core.ServiceSpec.selector'), { priority: 1 }),
  ],
  row(svc, nowMs) {
    const spec = rec(svc.spec);
    // The internal type derives clusterIPs from a lone clusterIP.
    const clusterIPs = strings(spec.clusterIPs);
    const clusterIP = clusterIPs[0] ?? (str(spec.clusterIP) || '<none>');
    return { cells: [name(svc), str(spec.type), clusterIP, serviceExternalIP(svc), servicePorts(spec) || '<none>', age(svc, nowMs), formatLabels(spec.selector)] };
  },
};

/** formatEndpoints: up to three `ip:port` of ready addresses, then ` + N more...`; `<none>` without subsets. */
export function formatEndpoints(endpoints: KubeObject): string {
  const subsets = arr(endpoints.subsets);
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addresses = arr(ss.addresses);
    const ports = arr(ss.ports);
    if (ports.length === 0) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(str(a.ip));
      }
      continue;
    }
    for (const port of ports) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(joinHostPort(str(a.ip), String(int(port.port))));
      }
    }
  }
  const text = list.join(',');
  return more ? `${text} + ${count - max} more...` : text;
}

export const endpointsPrinter: Printer = {
  columns: [NAME_COLUMN, col('Endpoints', 'string', doc('core.Endpoints.subsets')), AGE_COLUMN],
  row: (o, nowMs) => ({ cells: [name(o), formatEndpoints(o), age(o, nowMs)] }),
};

/** listWithMoreString: at most three items, ` + N more...`, `<unset>` when empty. */
function listWithMore(values: readonly string[]): string {
  const max = 3;
  if (values.length > max) return `${values.slice(0, max).join(',')} + ${values.length - max} more...`;
  return values.length ? values.join(',') : '<unset>';
}

export const endpointSlicePrinter: Printer = {
  columns: [
    NAME_COLUMN,
    col('AddressType', 'string', doc('discb.EndpointSlice.addressType')),
    col('Ports', 'string', doc('discb.EndpointSlice.ports')),
    col('Endpoints', 'string', doc('discb.EndpointSlice.endpoints')),
    AGE_COLUMN,
  ],
  row(o, nowMs) {
    const ports = arr(o.ports).map((p) => (typeof p.port === 'number' ? String(int(p.port)) : typeof p.name === 'string' ? p.name : '*'));
    const addresses = arr(o.endpoints).flatMap((e) => strings(e.addresses));
    return { cells: [name(o), str(o.addressType), listWithMore(ports), listWithMore(addresses), age(o, nowMs)] };
  },
};

/** formatHosts: up to three rule hosts, `*` when none has a host. */
function ingressHosts(rules: Record<string, unknown>[]): string {
  const list: string[] = [];
  const max = 3;
  let more = false;
  for (const rule of rules) {
    if (list.length === max) more = true;
    if (!more && str(rule.host) !== '') list.push(str(rule.host));
  }
  if (list.length === 0) return '*';
  return more ? `${list.join(',')} + ${rules.length - max} more...` : list.join(',');
}

export const ingressPrinter: Printer = {
  columns: [
    NAME_COLUMN,
    col('Class', 'string', 'The name of the IngressClass resource that should be used for additional configuration'),
    col('Hosts', 'string', 'Hosts that incoming requests are matched against before the ingress rule'),
    col('Address', 'string', 'Address is a list containing ingress points for the load-balancer'),
    col('Ports', 'string', 'Ports of TLS configurations that open'),
    AGE_COLUMN,
  ],
  row(o, nowMs) {
    const spec = rec(o.spec);
    const className = typeof spec.ingressClassName === 'string' ? spec.ingressClassName : '<none>';
    const ports = arr(spec.tls).length !== 0 ? '80, 443' : '80';
    return { cells: [name(o), className, ingressHosts(arr(spec.rules)), loadBalancerIngress(rec(o.status).loadBalancer), ports, age(o, nowMs)] };
  },
};

export const ingressClassPrinter: Printer = {
  columns: [
    NAME_COLUMN,
    col('Controller', 'string', 'Controller that is responsible for handling this class'),
    col('Parameters', 'string', 'A reference to a resource with additional parameters'),
    AGE_COLUMN,
  ],
  row(o, nowMs) {
    const spec = rec(o.spec);
    let parameters = '<none>';
    if (spec.parameters !== undefined && spec.parameters !== null) {
      const p = rec(spec.parameters);
      parameters = str(p.kind) + (typeof p.apiGroup === 'string' ? `.${p.apiGroup}` : '') + `/${str(p.name)}`;
    }
    return { cells: [name(o), str(spec.controller), parameters, age(o, nowMs)] };
  },
};

export const networkPolicyPrinter: Printer = {
  columns: [NAME_COLUMN, col('Pod-Selector', 'string', doc('ext.NetworkPolicySpec.podSelector')), AGE_COLUMN],
  row: (o, nowMs) => ({ cells: [name(o), formatLabelSelector(rec(rec(o.spec).podSelector)), age(o, nowMs)] }),
};

export const serviceCIDRPrinter: Printer = {
  columns: [NAME_COLUMN, col('CIDRs', 'string', doc('netb.ServiceCIDRSpec.cidrs')), AGE_COLUMN],
  row: (o, nowMs) => ({ cells: [name(o), strings(rec(o.spec).cidrs).join(','), age(o, nowMs)] }),
};

export const ipAddressPrinter: Printer = {
  columns: [NAME_COLUMN, col('ParentRef', 'string', doc('netb.IPAddressSpec.parentRef'))],
  row(o, nowMs) {
    const ref = rec(o.spec).parentRef;
    let parent = '<none>';
    if (ref !== undefined && ref !== null) {
      const r = rec(ref);
      const group = str(r.group);
      parent = (group ? `${str(r.resource)}.${group}` : str(r.resource)).toLowerCase();
      if (str(r.namespace)) parent += `/${str(r.namespace)}`;
      parent += `/${str(r.name)}`;
    }
    // printIPAddress emits an age cell its columns do not define; kubectl ignores the extra cell.
    return { cells: [name(o), parent, age(o, nowMs)] };
  },
};
