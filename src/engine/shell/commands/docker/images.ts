/**
 * `docker images` / `docker image ls`: the lab machine's docker has one image, the kind node image
 * kind pulled for its clusters.
 */
import type { Command } from '../../command';
import { alignColumns } from '../../../kubectl/printers/table-printer';
import { KIND_NODE_DIGEST } from './inspect';
import { dockerDuration } from './duration';

/**
 * kind pulls `kindest/node:v1.34.0@sha256:…`; a reference with a digest is stored by digest only,
 * so docker lists the image without a tag. With docker's containerd image store (the default of
 * current Docker Desktop and Engine installs) the IMAGE ID is that digest.
 * UNVERIFIED: the build time (taken as kind v0.30.0's release week) and the unpacked size.
 */
const NODE_IMAGE = { repository: 'kindest/node', tag: '<none>', id: KIND_NODE_DIGEST.slice(0, 12), createdMs: Date.UTC(2025, 7, 28, 18, 0, 0), size: '1.05GB' };

export const images: Command = (ctx) => {
  const args = ctx.args.slice(ctx.args[0] === 'image' ? 2 : 1);
  const quiet = args.some((a) => a === '-q' || a === '--quiet');
  const filter = args.find((a) => !a.startsWith('-'));
  const pulled = ctx.machine.clusters.all().length > 0;
  const shown = pulled && (filter === undefined || filter === NODE_IMAGE.repository || filter === `${NODE_IMAGE.repository}:*`);
  if (quiet) {
    if (shown) ctx.stdout(`${NODE_IMAGE.id}\n`);
    return ctx.done(0);
  }
  const rows = [['REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE']];
  if (shown) rows.push([NODE_IMAGE.repository, NODE_IMAGE.tag, NODE_IMAGE.id, `${dockerDuration(ctx.machine.loop.nowMs() - NODE_IMAGE.createdMs)} ago`, NODE_IMAGE.size]);
  ctx.stdout(alignColumns(rows, { minWidth: 10, tabWidth: 1, padding: 3 }));
  ctx.done(0);
};
