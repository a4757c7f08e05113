// Builds native/build/ristretto255.node at install (proto's postinstall): the ristretto255 group
// operations of the pseudonym service from the system's libsodium (Debian's libsodium-dev, which
// ./corridor installs), through Node-API, so one build serves every Node version. It never fails
// the install: without a C compiler, Node's headers or libsodium's, the service runs on libsodium's
// WebAssembly build instead, at about half the speed, and the node's start log says which.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, 'build', 'ristretto255.node');
const headers = [join(dirname(process.execPath), '..', 'include', 'node'), '/usr/include/node'].find((dir) =>
  existsSync(join(dir, 'node_api.h')),
);
if (!headers) {
  console.warn("proto: Node's headers (node_api.h) were not found; the pseudonym service will use libsodium's WebAssembly build");
  process.exit(0);
}
mkdirSync(join(here, 'build'), { recursive: true });
const partial = `${out}.${process.pid}`;
try {
  execFileSync(
    process.env.CC ?? 'cc',
    [
      '-O2',
      '-shared',
      '-fPIC',
      '-DNODE_GYP_MODULE_NAME=ristretto255',
      '-DNAPI_VERSION=8',
      `-I${headers}`,
      join(here, 'ristretto255.c'),
      '-lsodium',
      '-o',
      partial,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  // Whole or not at all: a node starting during an install never loads half a file.
  renameSync(partial, out);
} catch (e) {
  rmSync(partial, { force: true });
  const why =
    String(e?.stderr ?? e?.message ?? e)
      .split('\n')
      .find((line) => line.trim()) ?? 'unknown';
  console.warn(`proto: the native ristretto255 build was skipped (${why}); the pseudonym service will use libsodium's WebAssembly build`);
}
