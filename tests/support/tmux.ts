// A tmux server of one test's own. Sessions on the shared default server race: when a test file
// running beside this one (or this file's previous test) ends the server's last session, the
// server exits, and a session started at that moment fails with "server exited unexpectedly".
// A private socket per terminal leaves nothing to share.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

export interface Tmux {
  /** Runs a tmux command on this server; returns what it printed. */
  (...args: string[]): string;
  /** Ends the server and every session on it. */
  end(): void;
}

export function privateTmux(): Tmux {
  // a short path: a socket's name has room for about 100 bytes
  const socket = join(tmpdir(), `trustcheck-tmux-${randomBytes(6).toString('hex')}`);
  // -f /dev/null: the user's ~/.tmux.conf has no say in what the tests see; nor has a
  // FORCE_COLOR of the user's environment, which would colour what the tests run with NO_COLOR
  const { FORCE_COLOR: _force, ...env } = process.env;
  const tmux = (...args: string[]) =>
    execFileSync('tmux', ['-S', socket, '-f', '/dev/null', ...args], { encoding: 'utf8', env });
  return Object.assign(tmux, {
    end: () => {
      spawnSync('tmux', ['-S', socket, 'kill-server']);
      rmSync(socket, { force: true });
    },
  });
}

/** The skip note of a test that needs tmux, or undefined when it is installed. */
export const tmuxMissing = hasTmux ? undefined : 'tmux is not installed (apt-get install tmux)';
