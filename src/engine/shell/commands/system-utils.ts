/**
 * The rest of the lab machine's everyday commands: cp, mv, date (virtual time), history, alias,
 * which, watch (re-runs a command in virtual time until Ctrl-C), help, and vi/vim/nano, which open
 * the file in the lab's editor.
 */
import type { Command, CommandContext } from '../command';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** GNU date's default format in UTC: `Mon Sep  1 09:00:00 UTC 2025`. */
export function gnuDate(ms: number): string {
  const d = new Date(ms);
  return `${WEEKDAYS[d.getUTCDay()] ?? ''} ${MONTHS[d.getUTCMonth()] ?? ''} ${String(d.getUTCDate()).padStart(2)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

function copyOrMove(ctx: CommandContext, name: 'cp' | 'mv'): void {
  const recursive = ctx.args.some((a) => /^-[a-zA-Z]*[rR]/.test(a));
  const paths = ctx.args.filter((a) => !a.startsWith('-'));
  const fs = ctx.machine.fs;
  if (paths.length < 2) {
    ctx.stderr(`${name}: missing destination file operand after '${paths[0] ?? ''}'\nTry '${name} --help' for more information.\n`);
    ctx.done(1);
    return;
  }
  const target = fs.resolve(ctx.cwd, paths[paths.length - 1] as string);
  const sources = paths.slice(0, -1);
  if (sources.length > 1 && !fs.isDir(target)) {
    ctx.stderr(`${name}: target '${paths[paths.length - 1] ?? ''}' is not a directory\n`);
    ctx.done(1);
    return;
  }
  let status = 0;
  for (const source of sources) {
    const from = fs.resolve(ctx.cwd, source);
    const to = fs.isDir(target) ? `${target}/${from.split('/').pop() ?? ''}` : target;
    if (fs.isDir(from)) {
      if (name === 'cp' && !recursive) {
        ctx.stderr(`cp: -r not specified; omitting directory '${source}'\n`);
        status = 1;
        continue;
      }
      const dump = fs.dump();
      fs.mkdirp(to);
      for (const dir of dump.dirs) if (dir.startsWith(`${from}/`)) fs.mkdirp(to + dir.slice(from.length));
      for (const [file, content] of dump.files) if (file.startsWith(`${from}/`)) fs.write(to + file.slice(from.length), content);
      if (name === 'mv') fs.remove(from, true);
      continue;
    }
    const content = fs.read(from);
    if (content === undefined) {
      ctx.stderr(`${name}: cannot stat '${source}': No such file or directory\n`);
      status = 1;
      continue;
    }
    const failure = fs.write(to, content);
    if (failure) {
      ctx.stderr(`${name}: cannot create regular file '${paths[paths.length - 1] ?? ''}': ${failure.error}\n`);
      status = 1;
      continue;
    }
    if (name === 'mv') fs.remove(from, false);
  }
  ctx.done(status);
}

const cp: Command = (ctx) => copyOrMove(ctx, 'cp');
const mv: Command = (ctx) => copyOrMove(ctx, 'mv');

const date: Command = (ctx) => {
  ctx.stdout(`${gnuDate(ctx.machine.loop.nowMs())}\n`);
  ctx.done(0);
};

const history: Command = (ctx) => {
  const list = ctx.session?.history ?? [];
  ctx.stdout(list.map((line, i) => `${String(i + 1).padStart(5)}  ${line}\n`).join(''));
  ctx.done(0);
};

const alias: Command = (ctx) => {
  const aliases = ctx.session?.aliases;
  if (!aliases) return ctx.done(0);
  if (ctx.args.length === 0) {
    ctx.stdout([...aliases.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `alias ${k}='${v}'\n`).join(''));
    return ctx.done(0);
  }
  let status = 0;
  for (const arg of ctx.args) {
    const eq = arg.indexOf('=');
    if (eq > 0) aliases.set(arg.slice(0, eq), arg.slice(eq + 1));
    else if (aliases.has(arg)) ctx.stdout(`alias ${arg}='${aliases.get(arg) ?? ''}'\n`);
    else {
      ctx.stderr(`bash: alias: ${arg}: not found\n`);
      status = 1;
    }
  }
  ctx.done(status);
};

const unalias: Command = (ctx) => {
  let status = 0;
  for (const arg of ctx.args) {
    if (!ctx.session?.aliases.delete(arg)) {
      ctx.stderr(`bash: unalias: ${arg}: not found\n`);
      status = 1;
    }
  }
  ctx.done(status);
};

/** `watch [-n SECONDS] COMMAND`: clears the screen and shows COMMAND's output every interval, until Ctrl-C. */
const watch: Command = (ctx) => {
  let interval = 2;
  const args = [...ctx.args];
  while (args[0]?.startsWith('-')) {
    const flag = args.shift() as string;
    if (flag === '-n' || flag === '--interval') interval = Number(args.shift());
    else if (/^-n\d/.test(flag)) interval = Number(flag.slice(2));
    else if (flag.startsWith('--interval=')) interval = Number(flag.slice(11));
  }
  if (args.length === 0 || !ctx.runLine) {
    ctx.stderr('\nUsage:\n watch [options] command\n');
    ctx.done(1);
    return;
  }
  interval = Math.max(0.1, Number.isFinite(interval) ? interval : 2);
  const line = args.join(' ');
  let stopped = false;
  const refresh = () => {
    if (stopped) return;
    ctx.runLine?.(line, (output) => {
      if (stopped) return;
      const header = `Every ${interval.toFixed(1)}s: ${line}`;
      const right = `${ctx.machine.hostname}: ${gnuDate(ctx.machine.loop.nowMs()).replace(' UTC', '')}`;
      ctx.stdout(`\u001b[H\u001b[2J${header}${' '.repeat(Math.max(1, 80 - header.length - right.length))}${right}\n\n${output}`);
      ctx.machine.loop.after(interval * 1000, 'watch', refresh);
    });
  };
  ctx.onInterrupt(() => {
    stopped = true;
    ctx.done(0);
  });
  refresh();
};

const editor =
  (name: string): Command =>
  (ctx) => {
    const file = ctx.args.filter((a) => !a.startsWith('-') && !a.startsWith('+'))[0];
    if (!file) {
      ctx.stderr(`${name}: the lab opens files in its editor: ${name} FILE\n`);
      ctx.done(1);
      return;
    }
    const path = ctx.machine.fs.resolve(ctx.cwd, file);
    if (!ctx.machine.fs.exists(path)) ctx.machine.fs.write(path, '');
    if (ctx.machine.openInEditor) ctx.machine.openInEditor(path);
    else ctx.stdout(`${name}: no editor in this terminal; ${file} opens in the lab's editor when the lab runs in a browser\n`);
    ctx.done(0);
  };

const HELP = `kubelab terminal: a bash-like shell on the lab machine.
  kubectl ...        talk to the current cluster (k is an alias)
  kind ...           create, list and delete kind clusters
  docker ...         ps, images, logs, stop, start, exec into the kind node containers
  kubelab explain pod/NAME
                     why the scheduler placed a pod where it did
  shell tools        ls cd pwd cat echo mkdir touch rm cp mv head tail grep wc sort uniq cut tr awk
                     base64 printf seq env export unset alias history date sleep watch clear vi
`;

const help: Command = (ctx) => {
  ctx.stdout(HELP);
  ctx.done(0);
};

export function whichCommand(known: (name: string) => boolean): Command {
  return (ctx) => {
    let status = 0;
    for (const name of ctx.args) {
      if (known(name)) ctx.stdout(`/usr/local/bin/${name}\n`);
      else status = 1;
    }
    ctx.done(status);
  };
}

export const SYSTEM_COMMANDS: Record<string, Command> = { cp, mv, date, history, alias, unalias, watch, help, vi: editor('vi'), vim: editor('vim'), nano: editor('nano') };
