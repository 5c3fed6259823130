/**
 * Finds the peer tools of the graph benchmark (universal-ctags, ripgrep) and installs them from
 * Debian when they are missing and the bench runs as root. A tool that stays missing is skipped
 * with a note, never fatal.
 *
 * @module
 */

import { spawnSync } from 'node:child_process';

/** A peer tool, found or not. */
export interface PeerTool {
  /** Command to run, or null when unavailable. */
  readonly command: string | null;
  /** First line of `--version`. */
  readonly version: string;
  /** Why it is unavailable, or how it was obtained. */
  readonly note: string;
}

/** How to find and check one tool. */
interface ToolSpec {
  readonly command: string;
  readonly aptPackage: string;
  /** `--version` output must match, or the tool is a different program (exuberant ctags). */
  readonly expect: RegExp;
}

const specs = {
  ctags: { command: 'ctags', aptPackage: 'universal-ctags', expect: /Universal Ctags/ },
  rg: { command: 'rg', aptPackage: 'ripgrep', expect: /^ripgrep/ },
} as const satisfies Record<string, ToolSpec>;

let aptUpdated = false;

function versionOf(command: string): string | null {
  const r = spawnSync(command, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return r.status === 0 ? (r.stdout.split('\n')[0] ?? '').trim() : null;
}

function aptInstall(pkg: string): string | null {
  if (!aptUpdated) {
    const up = spawnSync('apt-get', ['update', '-qq'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (up.status !== 0) return `apt-get update failed: ${(up.stderr || up.error?.message || '').trim().split('\n').pop()}`;
    aptUpdated = true;
  }
  const r = spawnSync('apt-get', ['install', '-y', '-qq', pkg], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return r.status === 0 ? null : `apt-get install ${pkg} failed: ${(r.stderr || r.error?.message || '').trim().split('\n').pop()}`;
}

/**
 * Finds a peer tool, installing its Debian package first when missing and running as root.
 * @param name - `ctags` (universal-ctags) or `rg` (ripgrep)
 * @returns the command and its version, or a null command and the reason
 */
export function findPeerTool(name: keyof typeof specs): PeerTool {
  const spec: ToolSpec = specs[name];
  let version = versionOf(spec.command);
  let note = 'found on PATH';
  if (version === null || !spec.expect.test(version)) {
    const what = version === null ? 'not installed' : `"${version}" is not ${spec.aptPackage}`;
    if (process.getuid?.() !== 0) {
      return { command: null, version: version ?? '', note: `${spec.aptPackage} ${what}; run as root or \`apt-get install -y ${spec.aptPackage}\`` };
    }
    const failure = aptInstall(spec.aptPackage);
    if (failure !== null) return { command: null, version: version ?? '', note: `${spec.aptPackage} ${what}; ${failure}` };
    version = versionOf(spec.command);
    note = `installed with apt-get install ${spec.aptPackage}`;
    if (version === null || !spec.expect.test(version)) {
      return { command: null, version: version ?? '', note: `${spec.aptPackage} installed, but \`${spec.command} --version\` says "${version ?? 'nothing'}"` };
    }
  }
  return { command: spec.command, version, note };
}
