/**
 * The inspector's views of one object, produced by the lab's own kubectl (so they read exactly as
 * in the terminal) in a throwaway shell session of the lab machine: `get -o yaml`, `describe`, and
 * for a pod `kubelab explain`, the scheduler's reasons for where it runs.
 */
import type { Simulation } from '../engine';
import type { InspectTarget, Inspection } from '../engine/protocol';

const KIND = /^[A-Z][A-Za-z0-9]*$/;
const NAME = /^[a-z0-9]([a-z0-9.:-]*[a-z0-9])?$/;

/** The object names the UI sends go into a command line: only Kubernetes-shaped names are accepted. */
export function validTarget(target: InspectTarget): boolean {
  return KIND.test(target.kind) && NAME.test(target.name) && (target.namespace === undefined || NAME.test(target.namespace));
}

/** The kubectl lines for each view of `target`. */
export function inspectionLines(target: InspectTarget): { yaml: string; describe: string; whyHere?: string } {
  const resource = target.kind.toLowerCase();
  const ns = target.namespace ? ` -n ${target.namespace}` : '';
  return {
    yaml: `kubectl get ${resource} ${target.name}${ns} -o yaml`,
    describe: `kubectl describe ${resource} ${target.name}${ns}`,
    ...(target.kind === 'Pod' ? { whyHere: `kubelab explain pod/${target.name}${ns}` } : {}),
  };
}

/** Runs the views' commands; none waits on virtual time, so each has finished when `write` returns. */
export function inspect(sim: Simulation, target: InspectTarget): Inspection {
  if (!validTarget(target)) return { target, yaml: 'error: not an object name', describe: 'error: not an object name' };
  const session = sim.shell.open();
  let printed = '';
  session.onOutput((chunk) => (printed += chunk));
  const run = (line: string) => {
    printed = '';
    session.write(line);
    sim.advance(0);
    if (session.busy()) session.signal('SIGINT'); // never leave a command running behind the inspector
    return printed;
  };
  const lines = inspectionLines(target);
  return {
    target,
    yaml: run(lines.yaml),
    describe: run(lines.describe),
    ...(lines.whyHere ? { whyHere: run(lines.whyHere) } : {}),
  };
}
