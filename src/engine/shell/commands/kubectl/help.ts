/**
 * `kubectl --help`, `kubectl <verb> --help|-h` and `kubectl help <verb>`: kubectl's help layout
 * (description, Examples, Options with defaults, Usage, the `kubectl options` hint), with the
 * texts written in our own words.
 */
import type { FlagSpec } from '../../../kubectl/flags';

interface VerbHelp {
  short: string;
  long?: string;
  examples: string[];
  usage: string;
}

/** Sections of `kubectl` without arguments, in kubectl's order. */
const GROUPS: [string, string[]][] = [
  ['Basic Commands (Beginner)', ['create', 'expose', 'run', 'set']],
  ['Basic Commands (Intermediate)', ['explain', 'get', 'edit', 'delete']],
  ['Deploy Commands', ['rollout', 'scale', 'autoscale']],
  ['Cluster Management Commands', ['certificate', 'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint']],
  ['Troubleshooting and Debugging Commands', ['describe', 'logs', 'attach', 'exec', 'port-forward', 'proxy', 'cp', 'auth', 'debug', 'events']],
  ['Advanced Commands', ['diff', 'apply', 'patch', 'replace', 'wait', 'kustomize']],
  ['Settings Commands', ['label', 'annotate', 'completion']],
  ['Subcommands provided by plugins', []],
  ['Other Commands', ['api-resources', 'api-versions', 'config', 'plugin', 'version']],
];

const HELP: Record<string, VerbHelp> = {
  create: { short: 'Make a resource from a file, from stdin, or from one of the generators', examples: ['# Make the objects described in a manifest', 'kubectl create -f ./pod.yaml', '', '# Print a Deployment manifest without creating anything', 'kubectl create deployment web --image=nginx --dry-run=client -o yaml'], usage: 'kubectl create -f FILENAME [options]' },
  expose: { short: 'Put a Service in front of a pod, service, deployment or replica set', examples: ['# Reach the pods of deployment "web" on port 80, forwarding to 8080', 'kubectl expose deployment web --port=80 --target-port=8080'], usage: 'kubectl expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type] [options]' },
  run: { short: 'Start a pod from an image', examples: ['# Start one nginx pod', 'kubectl run nginx --image=nginx', '', '# Start a busybox pod that runs one command and stops', 'kubectl run hello --image=busybox --restart=Never -- echo hello'], usage: 'kubectl run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]' },
  set: { short: 'Change particular fields of existing objects', examples: ['# Switch the nginx container of deployment "web" to a new image', 'kubectl set image deployment/web nginx=nginx:1.28'], usage: 'kubectl set SUBCOMMAND [options]' },
  get: {
    short: 'Show one or many resources',
    long: 'Lists resources in a table of their most telling fields; -o picks another format (yaml, json, name, jsonpath, custom-columns, go-template), -w keeps printing changes.',
    examples: ['# Every pod in the current namespace', 'kubectl get pods', '', '# One deployment as YAML', 'kubectl get deployment web -o yaml', '', '# Pod names and the nodes they run on', "kubectl get pods -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName"],
    usage: 'kubectl get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]',
  },
  edit: { short: 'Change a resource on the server in an editor', examples: ['# Open deployment "web" for editing', 'kubectl edit deployment/web'], usage: 'kubectl edit (RESOURCE/NAME | -f FILENAME) [options]' },
  delete: { short: 'Remove resources named on the command line, in files, or chosen by a label selector', examples: ['# Remove the pod called nginx', 'kubectl delete pod nginx', '', '# Remove everything a manifest describes', 'kubectl delete -f ./app.yaml'], usage: 'kubectl delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)]) [options]' },
  rollout: { short: 'Follow, pause, resume, restart or undo the rollout of a workload', examples: ['# Watch deployment "web" roll out', 'kubectl rollout status deployment/web', '', '# Go back to the previous revision', 'kubectl rollout undo deployment/web'], usage: 'kubectl rollout SUBCOMMAND [options]' },
  scale: { short: 'Give a deployment, replica set, stateful set or replication controller a new size', examples: ['# Run three replicas of deployment "web"', 'kubectl scale --replicas=3 deployment/web'], usage: 'kubectl scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME) [options]' },
  autoscale: { short: 'Add a HorizontalPodAutoscaler to a deployment, replica set, stateful set or replication controller', examples: ['# Keep deployment "web" between 2 and 5 pods, aiming at 80% CPU', 'kubectl autoscale deployment web --min=2 --max=5 --cpu=80%'], usage: 'kubectl autoscale (-f FILENAME | TYPE NAME | TYPE/NAME) [--min=MINPODS] --max=MAXPODS [--cpu=CPU] [--memory=MEMORY] [options]' },
  certificate: { short: 'Approve or deny certificate signing requests', examples: ['kubectl certificate approve my-csr'], usage: 'kubectl certificate SUBCOMMAND [options]' },
  'cluster-info': { short: 'Show where the control plane and cluster services are running', examples: ['# Addresses of the control plane and cluster services', 'kubectl cluster-info'], usage: 'kubectl cluster-info [flags] [options]' },
  top: { short: 'Show CPU and memory use of nodes or pods (needs metrics-server)', examples: ['kubectl top node', 'kubectl top pod -A'], usage: 'kubectl top [flags] [options]' },
  cordon: { short: 'Stop new pods from being scheduled onto a node', examples: ['kubectl cordon kind-worker'], usage: 'kubectl cordon NODE [options]' },
  uncordon: { short: 'Let new pods be scheduled onto a node again', examples: ['kubectl uncordon kind-worker'], usage: 'kubectl uncordon NODE [options]' },
  drain: { short: 'Empty a node of its pods before maintenance', long: 'Cordons the node, then evicts its pods through the eviction API so PodDisruptionBudgets are respected. DaemonSet pods, pods without a controller and pods with emptyDir data need the matching flag.', examples: ['kubectl drain kind-worker --ignore-daemonsets --delete-emptydir-data'], usage: 'kubectl drain NODE [options]' },
  taint: { short: 'Add or remove taints on nodes', examples: ['# Keep pods without a matching toleration off kind-worker', 'kubectl taint nodes kind-worker dedicated=gpu:NoSchedule', '', '# Take that taint away again', 'kubectl taint nodes kind-worker dedicated=gpu:NoSchedule-'], usage: 'kubectl taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N [options]' },
  describe: { short: 'Print a detailed, human-readable account of resources and their events', examples: ['kubectl describe pod nginx', 'kubectl describe nodes'], usage: 'kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]' },
  logs: { short: "Print a container's logs", examples: ['kubectl logs nginx', 'kubectl logs -f deployment/web'], usage: 'kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]' },
  attach: { short: 'Connect to a running container', examples: ['kubectl attach -it nginx'], usage: 'kubectl attach (POD | TYPE/NAME) -c CONTAINER [options]' },
  exec: { short: 'Run a command inside a container', examples: ['kubectl exec -it nginx -- sh'], usage: 'kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...] [options]' },
  'port-forward': { short: 'Forward local ports to a pod', examples: ['kubectl port-forward pod/nginx 8080:80'], usage: 'kubectl port-forward TYPE/NAME [options] [LOCAL_PORT:]REMOTE_PORT [...[LOCAL_PORT_N:]REMOTE_PORT_N]' },
  proxy: { short: 'Serve the Kubernetes API on a local port', examples: ['kubectl proxy --port=8001'], usage: 'kubectl proxy [--port=PORT] [--www=static-dir] [--www-prefix=prefix] [--api-prefix=prefix] [options]' },
  cp: { short: 'Copy files to and from containers', examples: ['kubectl cp nginx:/etc/nginx/nginx.conf ./nginx.conf'], usage: 'kubectl cp <file-spec-src> <file-spec-dest> [options]' },
  auth: { short: 'Check what an identity is allowed to do', examples: ['kubectl auth can-i create pods', 'kubectl auth can-i list secrets --as=system:serviceaccount:default:default'], usage: 'kubectl auth [flags] [options]' },
  debug: { short: 'Start debugging sessions for workloads and nodes', examples: ['kubectl debug -it nginx --image=busybox'], usage: 'kubectl debug (POD | TYPE[[.VERSION].GROUP]/NAME) [ -- COMMAND [args...] ] [options]' },
  events: { short: 'List events', examples: ['kubectl events', 'kubectl events --for pod/nginx'], usage: 'kubectl events [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file] [--for TYPE/NAME] [--watch] [--types=Normal,Warning] [options]' },
  diff: { short: 'Compare live objects with what applying a manifest would make them', examples: ['kubectl diff -f app.yaml'], usage: 'kubectl diff -f FILENAME [options]' },
  apply: { short: 'Make resources match a manifest file or stdin', long: 'Creates what is missing and updates what exists, remembering the applied manifest in the kubectl.kubernetes.io/last-applied-configuration annotation.', examples: ['kubectl apply -f ./app.yaml', 'cat app.yaml | kubectl apply -f -'], usage: 'kubectl apply (-f FILENAME | -k DIRECTORY) [options]' },
  patch: { short: 'Change fields of a resource with a patch', examples: ['# Scale through a strategic merge patch', 'kubectl patch deployment web -p \'{"spec":{"replicas":3}}\'', '', '# The same with a JSON patch', 'kubectl patch deployment web --type=json -p \'[{"op":"replace","path":"/spec/replicas","value":3}]\''], usage: 'kubectl patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE] [options]' },
  replace: { short: 'Swap a resource for the one in a file or stdin', examples: ['kubectl replace -f ./pod.yaml', 'kubectl replace --force -f ./pod.yaml'], usage: 'kubectl replace -f FILENAME [options]' },
  wait: { short: 'Block until resources meet a condition', examples: ['kubectl wait --for=condition=Ready pod/nginx', 'kubectl wait --for=delete pod/nginx --timeout=60s', "kubectl wait --for=jsonpath='{.status.phase}'=Running pod/nginx"], usage: 'kubectl wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|--for=delete|--for condition=available|--for=jsonpath=\'{}\'[=value]] [options]' },
  kustomize: { short: 'Render a kustomization directory', examples: ['kubectl kustomize ./overlay'], usage: 'kubectl kustomize DIR [flags] [options]' },
  label: { short: 'Add, change or remove labels on a resource', examples: ['kubectl label pods nginx tier=front', 'kubectl label pods nginx tier-'], usage: 'kubectl label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]' },
  annotate: { short: 'Add, change or remove annotations on a resource', examples: ['kubectl annotate pods nginx owner=team-a', 'kubectl annotate pods nginx owner-'], usage: 'kubectl annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]' },
  completion: { short: 'Print shell completion code (bash, zsh, fish or powershell)', examples: ['source <(kubectl completion bash)'], usage: 'kubectl completion SHELL [options]' },
  'api-resources': { short: 'List the resource types the server offers', examples: ['kubectl api-resources', 'kubectl api-resources --namespaced=false', 'kubectl api-resources --api-group=apps -o wide'], usage: 'kubectl api-resources [flags] [options]' },
  'api-versions': { short: 'List the API versions the server offers, as "group/version"', examples: ['kubectl api-versions'], usage: 'kubectl api-versions [options]' },
  config: { short: 'Read and change kubeconfig files', examples: ['kubectl config get-contexts', 'kubectl config set-context --current --namespace=dev'], usage: 'kubectl config SUBCOMMAND [options]' },
  plugin: { short: 'Work with kubectl plugins', examples: ['kubectl plugin list'], usage: 'kubectl plugin [flags] [options]' },
  version: { short: 'Show the versions of kubectl and of the server', examples: ['kubectl version', 'kubectl version -o yaml'], usage: 'kubectl version [flags] [options]' },
  explain: { short: 'Describe the fields of a resource type', examples: ['kubectl explain pods.spec.containers'], usage: 'kubectl explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2] [options]' },
};

/** Our description and kubectl's default for each flag name. */
const FLAGS: Record<string, [string, string]> = {
  'all-namespaces': ['false', 'Act on every namespace instead of the current one.'],
  all: ['false', 'Act on every resource of the given types in the namespace.'],
  'allow-missing-template-keys': ['true', 'Print nothing, rather than fail, when a template refers to a missing field (go-template and jsonpath output).'],
  annotation: ['[]', 'An annotation for the new object, as key=value; may be repeated.'],
  'api-group': ['', 'Only list resources of this API group.'],
  'append-hash': ['false', 'Add a hash of the data to the name.'],
  cascade: ['background', 'How dependents go: "background", "foreground" or "orphan".'],
  cert: ['', 'Path to the PEM certificate.'],
  'chunk-size': ['500', 'Fetch large lists in pages of this many items (0 turns paging off).'],
  class: ['', 'The IngressClass to use.'],
  clusterip: ['', 'The cluster IP to give the service ("None" makes it headless).'],
  clusterrole: ['', 'The ClusterRole the binding points to.'],
  command: ['false', 'Treat the arguments after -- as the command, not the arguments.'],
  containers: ['*', 'Only change these containers (names, comma-separated).'],
  cpu: ['', 'CPU target: a percentage aims at utilization, a quantity (500m) at an average value.'],
  'cpu-percent': ['-1', 'Deprecated: the CPU utilization target as a percentage of requests; use --cpu.'],
  'current-replicas': ['-1', 'Only scale if the current size is this.'],
  'default-backend': ['', 'The backend for requests no rule matches, as svcname:port.'],
  'delete-emptydir-data': ['false', 'Evict pods that keep data in emptyDir volumes too (the data is lost).'],
  'delete-local-data': ['false', 'Old name of --delete-emptydir-data.'],
  description: ['', 'What the priority class is for.'],
  'disable-eviction': ['false', 'Delete pods directly instead of evicting them, ignoring disruption budgets.'],
  'docker-email': ['', 'Email for the registry.'],
  'docker-password': ['', 'Password for the registry.'],
  'docker-server': ['https://index.docker.io/v1/', 'The registry address.'],
  'docker-username': ['', 'User name for the registry.'],
  'dry-run': ['none', 'Only show what would happen: "client" builds the object locally, "server" asks the server without saving.'],
  edit: ['false', 'Open the object in an editor before creating it.'],
  env: ['[]', 'Environment variables, as NAME=value; may be repeated.'],
  'external-ip': ['', 'An external IP address for the service.'],
  'external-name': ['', 'The DNS name the service points to.'],
  'field-manager': ['kubectl', 'Name recorded as the manager of the fields this command sets.'],
  'field-selector': ['', 'Select by field values, e.g. status.phase=Running.'],
  filename: ['[]', 'Files, directories or URLs with the resources ("-" reads stdin).'],
  for: ['', 'The condition: create, delete, condition=NAME[=value] or jsonpath=EXPR[=value].'],
  force: ['false', 'Go ahead even where it is unsafe (for drain: delete pods without a controller).'],
  'force-conflicts': ['false', 'Take over fields other managers own (server-side apply).'],
  from: ['', 'Where to copy from (e.g. cronjob/name).'],
  'from-env-file': ['[]', 'Read KEY=value lines from a file.'],
  'from-file': ['[]', 'Use a file (or every file in a directory) as data; key=path sets the key.'],
  'from-literal': ['[]', 'A key and value, as key=value; may be repeated.'],
  'global-default': ['false', 'Use this priority class for pods that name none.'],
  'grace-period': ['-1', 'Seconds the pod gets to stop; -1 keeps its own setting.'],
  group: ['[]', 'Groups to bind to.'],
  hard: ['', 'Limits, as resource=quantity pairs separated by commas.'],
  'ignore-daemonsets': ['false', 'Leave DaemonSet pods where they are instead of failing.'],
  'ignore-not-found': ['false', 'Say nothing when the object is missing.'],
  image: ['[]', 'The container image.'],
  'image-pull-policy': ['', 'The container image pull policy.'],
  key: ['', 'Path to the PEM private key.'],
  keys: ['[]', 'Only these keys from the source.'],
  'label-columns': ['[]', 'Add a column per label key (comma-separated or repeated).'],
  labels: ['', 'Labels for the object, as key=value pairs separated by commas.'],
  limits: ['', 'Resource limits, as name=quantity pairs.'],
  list: ['false', 'Print the current values instead of changing them.'],
  local: ['false', 'Work on the given files only, without contacting the server.'],
  max: ['-1', 'The most pods the autoscaler may run.'],
  memory: ['', 'Memory target: a percentage aims at utilization, a quantity (200Mi) at an average value.'],
  min: ['-1', 'The fewest pods the autoscaler may run.'],
  name: ['', 'Name for the new object.'],
  namespaced: ['true', 'Only namespaced resources (false: only cluster-wide ones).'],
  'no-headers': ['false', 'Leave out the header line.'],
  'node-port': ['0', 'The port on every node to expose.'],
  'non-resource-url': ['[]', 'Non-resource URLs the rule covers.'],
  now: ['false', 'Shorthand for --grace-period=1.'],
  output: ['', 'Output format: json, yaml, name, wide, jsonpath=..., custom-columns=..., go-template=..., and the -file forms.'],
  'output-watch-events': ['false', 'With --watch, add the event type (ADDED, MODIFIED, DELETED) to each line.'],
  overwrite: ['false', 'Allow replacing existing values.'],
  patch: ['', 'The patch, as JSON or YAML.'],
  'patch-file': ['', 'A file holding the patch.'],
  port: ['', 'The port to expose.'],
  'pod-selector': ['', 'Only drain pods matching this label selector.'],
  'preemption-policy': ['PreemptLowerPriority', 'Whether pods of this class may preempt others.'],
  protocol: ['', 'The network protocol of the service port.'],
  recursive: ['false', 'Also read files in subdirectories of a -f directory.'],
  replicas: ['1', 'How many replicas to run.'],
  requests: ['', 'Resource requests, as name=quantity pairs.'],
  resource: ['[]', 'Resources the rule covers.'],
  'resource-name': ['[]', 'Only these object names.'],
  restart: ['', 'The pod restart policy.'],
  revision: ['0', 'Show the details of this revision.'],
  rm: ['false', 'Delete the pod when it exits.'],
  role: ['', 'The Role the binding points to.'],
  rule: ['[]', 'An ingress rule, as host/path=service:port[,tls=secret].'],
  schedule: ['', 'When to run, in cron format.'],
  selector: ['', 'Select by labels, e.g. -l app=web,tier!=db.'],
  'server-side': ['false', 'Let the server do the apply.'],
  serviceaccount: ['[]', 'Service accounts to bind to, as namespace:name.'],
  'show-kind': ['false', 'Print the resource type before each name.'],
  'show-labels': ['false', 'Add a LABELS column.'],
  'sort-by': ['', 'Sort by this field, given as a JSONPath such as .metadata.name.'],
  stdin: ['false', "Keep the container's stdin open."],
  'target-port': ['', 'The container port the service sends traffic to.'],
  tcp: ['[]', 'Ports, as port or port:targetPort.'],
  template: ['', 'The template for -o go-template or jsonpath.'],
  timeout: ['0s', 'How long to wait before giving up (0 waits forever where that is the default).'],
  'to-revision': ['0', 'The revision to go back to (0: the previous one).'],
  tty: ['false', 'Give the container a terminal.'],
  type: ['', 'The type to use.'],
  user: ['[]', 'Users to bind to.'],
  v: ['0', 'Log level; 6 and up shows each API request.'],
  value: ['0', 'The priority value.'],
  verb: ['[]', 'Verbs the rule allows.'],
  verbs: ['[]', 'Only resources supporting these verbs.'],
  wait: ['true', 'Wait until the objects are really gone.'],
  watch: ['false', 'Keep printing changes after the current state.'],
  'watch-only': ['false', 'Only print changes, not the current state.'],
};

function wrap(text: string, width: number, indent: string): string {
  const words = text.split(' ');
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && (indent + line + ' ' + w).length > width) {
      lines.push(indent + line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(indent + line);
  return lines.join('\n');
}

function options(flags: readonly FlagSpec[]): string {
  const listed = flags.filter((f) => f.name !== 'help' && FLAGS[f.name]).sort((a, b) => (a.name < b.name ? -1 : 1));
  if (listed.length === 0) return '';
  const blocks = listed.map((f) => {
    const [def, text] = FLAGS[f.name] ?? ['', ''];
    const name = f.short ? `-${f.short}, --${f.name}` : `--${f.name}`;
    return `    ${name}=${f.type === 'string' && def === '' ? "''" : def}:\n${wrap(text, 120, '\t')}`;
  });
  return `Options:\n${blocks.join('\n\n')}\n\n`;
}

export function verbHelp(verb: string, flags: readonly FlagSpec[]): string {
  const h = HELP[verb];
  if (!h) return `${verb}\n`;
  const examples = h.examples.map((l) => (l === '' ? '' : `  ${l}`)).join('\n');
  return `${h.short}.\n\n${h.long ? ` ${wrap(h.long, 119, '')}\n\n` : ''}Examples:\n${examples}\n\n${options(flags)}Usage:\n  ${h.usage}\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n`;
}

export function rootHelp(): string {
  const sections = GROUPS.map(([title, verbs]) => `${title}:\n${verbs.map((v) => `  ${v.padEnd(16)}${HELP[v]?.short ?? ''}\n`).join('')}`).join('\n');
  return `kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n\n${sections}\nUsage:\n  kubectl [flags] [options]\n\nUse "kubectl <command> --help" for more information about a given command.\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n`;
}
