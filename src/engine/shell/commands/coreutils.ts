/**
 * The small set of shell utilities the study guides use around kubectl. GNU coreutils and bash
 * word their errors one way (the lab machine, kind nodes, Debian-based images); busybox (busybox
 * and alpine images) another, with other exit codes.
 */
import type { Command, CommandContext } from '../command';
import { HOME } from '../filesystem';

type Flavor = 'gnu' | 'busybox';

function path(ctx: CommandContext, p: string): string {
  return ctx.machine.fs.resolve(ctx.cwd, p);
}

const echo: Command = (ctx) => {
  let args = ctx.args;
  let newline = true;
  let escapes = false;
  while (args[0] === '-n' || args[0] === '-e' || args[0] === '-ne' || args[0] === '-en') {
    if (args[0].includes('n')) newline = false;
    if (args[0].includes('e')) escapes = true;
    args = args.slice(1);
  }
  let text = args.join(' ');
  if (escapes) text = text.replace(/\\n/g, '\n').replace(/\\t/g, '\t');
  ctx.stdout(text + (newline ? '\n' : ''));
  ctx.done(0);
};

const catCommand =
  (flavor: Flavor): Command =>
  (ctx) => {
    const files = ctx.args.filter((a) => a !== '-');
    if (files.length === 0) {
      ctx.stdout(ctx.stdin);
      ctx.done(0);
      return;
    }
    let status = 0;
    for (const f of files) {
      const p = path(ctx, f);
      const content = ctx.machine.fs.read(p);
      if (content === undefined) {
        const dir = ctx.machine.fs.isDir(p);
        if (flavor === 'gnu') ctx.stderr(`cat: ${f}: ${dir ? 'Is a directory' : 'No such file or directory'}\n`);
        else ctx.stderr(dir ? 'cat: read error: Is a directory\n' : `cat: can't open '${f}': No such file or directory\n`);
        status = 1;
      } else ctx.stdout(content);
    }
    ctx.done(status);
  };

const lsCommand =
  (flavor: Flavor): Command =>
  (ctx) => {
    const all = ctx.args.some((a) => /^-[a-zA-Z]*a/.test(a));
    const targets = ctx.args.filter((a) => !a.startsWith('-'));
    let status = 0;
    const list = targets.length ? targets : ['.'];
    const fs = ctx.machine.fs;
    // As ls does: complaints about missing operands, then the files named, then each directory's entries.
    const files: string[] = [];
    const dirs: string[] = [];
    for (const t of list) {
      const p = path(ctx, t);
      if (fs.isFile(p)) files.push(t);
      else if (fs.isDir(p)) dirs.push(t);
      else {
        // GNU ls exits 2 for a missing operand ("serious trouble"); busybox ls exits 1.
        ctx.stderr(flavor === 'gnu' ? `ls: cannot access '${t}': No such file or directory\n` : `ls: ${t}: No such file or directory\n`);
        status = flavor === 'gnu' ? 2 : 1;
      }
    }
    const blocks: string[] = [];
    if (files.length) blocks.push(`${files.sort().join('  ')}\n`);
    for (const d of dirs.sort()) {
      const names = fs.list(path(ctx, d)).filter((n) => all || !n.startsWith('.'));
      blocks.push((list.length > 1 ? `${d}:\n` : '') + (names.length ? `${names.join('  ')}\n` : ''));
    }
    ctx.stdout(blocks.join('\n'));
    ctx.done(status);
  };

const cdCommand =
  (flavor: Flavor): Command =>
  (ctx) => {
    const target = ctx.args[0] ?? HOME;
    const p = path(ctx, target === '-' ? (ctx.env.get('OLDPWD') ?? ctx.cwd) : target);
    if (!ctx.machine.fs.isDir(p)) {
      const reason = ctx.machine.fs.isFile(p) ? 'Not a directory' : 'No such file or directory';
      ctx.stderr(flavor === 'gnu' ? `bash: cd: ${target}: ${reason}\n` : `sh: cd: can't cd to ${target}: ${reason}\n`);
      // ash raises an error for a failed cd: status 2, where bash's cd returns 1.
      ctx.done(flavor === 'gnu' ? 1 : 2);
      return;
    }
    ctx.env.set('OLDPWD', ctx.cwd);
    ctx.setCwd(p);
    ctx.env.set('PWD', p);
    ctx.done(0);
  };

const pwd: Command = (ctx) => {
  ctx.stdout(ctx.cwd + '\n');
  ctx.done(0);
};

const mkdirCommand =
  (flavor: Flavor): Command =>
  (ctx) => {
    const parents = ctx.args.some((a) => a === '-p' || a === '--parents');
    let status = 0;
    for (const d of ctx.args.filter((a) => !a.startsWith('-'))) {
      const p = path(ctx, d);
      const err = parents ? ctx.machine.fs.mkdirp(p) : ctx.machine.fs.mkdir(p);
      if (err) {
        ctx.stderr(`mkdir: ${flavor === 'gnu' ? 'cannot' : "can't"} create directory '${d}': ${err.error}\n`);
        status = 1;
      }
    }
    ctx.done(status);
  };

const touchCommand =
  (flavor: Flavor): Command =>
  (ctx) => {
    let status = 0;
    for (const f of ctx.args.filter((a) => !a.startsWith('-'))) {
      const p = path(ctx, f);
      if (ctx.machine.fs.exists(p)) continue;
      const err = ctx.machine.fs.write(p, '');
      if (err) {
        ctx.stderr(flavor === 'gnu' ? `touch: cannot touch '${f}': ${err.error}\n` : `touch: ${f}: ${err.error}\n`);
        status = 1;
      }
    }
    ctx.done(status);
  };

const rmCommand =
  (flavor: Flavor): Command =>
  (ctx) => {
    const flags = ctx.args.filter((a) => a.startsWith('-')).join('');
    const recursive = /[rR]/.test(flags);
    const force = flags.includes('f');
    let status = 0;
    for (const f of ctx.args.filter((a) => !a.startsWith('-'))) {
      const err = ctx.machine.fs.remove(path(ctx, f), recursive);
      if (err && !(force && err.error === 'No such file or directory')) {
        if (flavor === 'gnu') ctx.stderr(`rm: cannot remove '${f}': ${err.error}\n`);
        else ctx.stderr(err.error === 'Is a directory' ? `rm: '${f}' is a directory\n` : `rm: can't remove '${f}': ${err.error}\n`);
        status = 1;
      }
    }
    ctx.done(status);
  };

const exportCmd: Command = (ctx) => {
  for (const a of ctx.args) {
    const eq = a.indexOf('=');
    if (eq > 0) ctx.env.set(a.slice(0, eq), a.slice(eq + 1));
  }
  ctx.done(0);
};

const unset: Command = (ctx) => {
  for (const a of ctx.args) ctx.env.delete(a);
  ctx.done(0);
};

/** `sleep 30`, `sleep 5m`, `sleep 1.5`: waits in virtual time. */
const sleep: Command = (ctx) => {
  let total = 0;
  for (const a of ctx.args) {
    const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(a);
    if (!m) {
      ctx.stderr(`sleep: invalid time interval '${a}'\nTry 'sleep --help' for more information.\n`);
      ctx.done(1);
      return;
    }
    const unit = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
    total += Number(m[1]) * unit;
  }
  if (ctx.args.length === 0) {
    ctx.stderr("sleep: missing operand\nTry 'sleep --help' for more information.\n");
    ctx.done(1);
    return;
  }
  const timer = ctx.machine.loop.after(total, 'sleep', () => ctx.done(0));
  ctx.onInterrupt(() => {
    ctx.machine.loop.cancel(timer);
    ctx.done(130);
  });
};

const clear: Command = (ctx) => {
  ctx.stdout('\u001b[H\u001b[2J');
  ctx.done(0);
};

const trueCmd: Command = (ctx) => ctx.done(0);
const falseCmd: Command = (ctx) => ctx.done(1);

const envCmd: Command = (ctx) => {
  ctx.stdout([...ctx.env.entries()].map(([k, v]) => `${k}=${v}`).join('\n') + '\n');
  ctx.done(0);
};

/** `direnv allow DIR`: trusts DIR's .envrc; entering it (or allowing it while inside) loads its exports. */
const direnv: Command = (ctx) => {
  const [sub, dir] = ctx.args;
  if (sub !== 'allow') {
    ctx.stderr(`direnv: unknown command "${sub ?? ''}"\n`);
    ctx.done(1);
    return;
  }
  const base = path(ctx, dir ?? '.');
  const file = ctx.machine.fs.read(`${base}/.envrc`);
  if (file === undefined) {
    ctx.stderr(`direnv: error .envrc file not found\n`);
    ctx.done(1);
    return;
  }
  ctx.machine.fs.write(`${base}/.envrc.allowed`, '');
  ctx.done(0);
};

export const CORE_COMMANDS: Record<string, Command> = {
  echo,
  cat: catCommand('gnu'),
  ls: lsCommand('gnu'),
  cd: cdCommand('gnu'),
  pwd,
  mkdir: mkdirCommand('gnu'),
  touch: touchCommand('gnu'),
  rm: rmCommand('gnu'),
  export: exportCmd,
  unset,
  sleep,
  clear,
  true: trueCmd,
  ':': trueCmd,
  false: falseCmd,
  env: envCmd,
  direnv,
};

/** The same utilities as busybox words them (busybox and alpine images). */
export const BUSYBOX_CORE_COMMANDS: Record<string, Command> = {
  ...CORE_COMMANDS,
  cat: catCommand('busybox'),
  ls: lsCommand('busybox'),
  cd: cdCommand('busybox'),
  mkdir: mkdirCommand('busybox'),
  rm: rmCommand('busybox'),
  touch: touchCommand('busybox'),
};
