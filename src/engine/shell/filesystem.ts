/** The lab machine's virtual filesystem: directories and text files, shared by all terminal sessions. */

export const HOME = '/home/learner';

export type FsError = { error: string };

export class VirtualFileSystem {
  private readonly files = new Map<string, string>();
  private readonly dirs = new Set<string>(['/']);

  constructor() {
    for (const d of ['/home', HOME, `${HOME}/.kube`, '/tmp', '/etc', '/usr', '/usr/local', '/usr/local/bin']) this.mkdirp(d);
  }

  /** Resolves `path` against `cwd`, expanding `~` and normalising `.` and `..`. */
  resolve(cwd: string, path: string): string {
    let p = path;
    if (p === '~' || p.startsWith('~/')) p = HOME + p.slice(1);
    const parts = (p.startsWith('/') ? p : `${cwd}/${p}`).split('/');
    const out: string[] = [];
    for (const part of parts) {
      if (part === '' || part === '.') continue;
      if (part === '..') out.pop();
      else out.push(part);
    }
    return '/' + out.join('/');
  }

  isDir(path: string): boolean {
    return this.dirs.has(path);
  }

  isFile(path: string): boolean {
    return this.files.has(path);
  }

  exists(path: string): boolean {
    return this.isDir(path) || this.isFile(path);
  }

  read(path: string): string | undefined {
    return this.files.get(path);
  }

  private parent(path: string): string {
    const i = path.lastIndexOf('/');
    return i <= 0 ? '/' : path.slice(0, i);
  }

  write(path: string, content: string, append = false): FsError | undefined {
    if (this.isDir(path)) return { error: 'Is a directory' };
    if (!this.isDir(this.parent(path))) return { error: 'No such file or directory' };
    this.files.set(path, append ? (this.files.get(path) ?? '') + content : content);
    return undefined;
  }

  mkdir(path: string): FsError | undefined {
    if (this.exists(path)) return { error: 'File exists' };
    if (!this.isDir(this.parent(path))) return { error: 'No such file or directory' };
    this.dirs.add(path);
    return undefined;
  }

  mkdirp(path: string): FsError | undefined {
    if (this.isFile(path)) return { error: 'File exists' };
    const parts = path.split('/').filter(Boolean);
    let cur = '';
    for (const part of parts) {
      cur += '/' + part;
      if (this.isFile(cur)) return { error: 'Not a directory' };
      this.dirs.add(cur);
    }
    return undefined;
  }

  /** Removes a file, or a directory tree when `recursive`. */
  remove(path: string, recursive: boolean): FsError | undefined {
    if (this.isFile(path)) {
      this.files.delete(path);
      return undefined;
    }
    if (!this.isDir(path)) return { error: 'No such file or directory' };
    if (!recursive) return { error: 'Is a directory' };
    const prefix = path === '/' ? '/' : path + '/';
    for (const f of [...this.files.keys()]) if (f.startsWith(prefix)) this.files.delete(f);
    for (const d of [...this.dirs]) if (d.startsWith(prefix) || d === path) this.dirs.delete(d);
    return undefined;
  }

  /** Names directly inside a directory, sorted. */
  list(path: string): string[] {
    const prefix = path === '/' ? '/' : path + '/';
    const names = new Set<string>();
    for (const p of [...this.files.keys(), ...this.dirs]) {
      if (p !== path && p.startsWith(prefix)) names.add(p.slice(prefix.length).split('/')[0] as string);
    }
    return [...names].sort();
  }

  /** Serialisable contents (for snapshots). */
  dump(): { dirs: string[]; files: [string, string][] } {
    return { dirs: [...this.dirs].sort(), files: [...this.files.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)) };
  }

  restore(dump: { dirs: string[]; files: [string, string][] }): void {
    for (const d of dump.dirs) this.dirs.add(d);
    for (const [p, c] of dump.files) this.files.set(p, c);
  }
}
