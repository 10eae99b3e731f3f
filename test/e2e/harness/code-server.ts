// code-server (VS Code's workbench served to a browser, extensions in a Node extension host): installed from npm
// into .e2e/, given a private profile with the VSIX under test, started on 127.0.0.1 and always stopped again.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { E2E_DIR, cleanEnv, freshDir, log } from './env';

/** The newest code-server whose `engines` accept Node 20 (it carries VS Code 1.100.3). */
export const CODE_SERVER_VERSION = '4.100.3';
const INSTALL_DIR = path.join(E2E_DIR, `code-server-${CODE_SERVER_VERSION}`);
const BIN = path.join(INSTALL_DIR, 'node_modules/.bin/code-server');
const INSTALLED_MARKER = path.join(INSTALL_DIR, '.installed');
/** The process id of the running code-server, for the next run to stop it if this one was killed outright. */
const PID_FILE = path.join(E2E_DIR, 'code-server.pid');

/** The @vscode/ripgrep release code-server 4.100.3 depends on, and the rg build its postinstall would download. */
const RIPGREP_CACHE = 'vscode-ripgrep-cache-1.15.11';
const RIPGREP_ARCHIVE = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

/**
 * Installs code-server into .e2e/ unless a complete install is there already. Not a devDependency: it is ~300 MB
 * with native builds, which `npm ci` would then do for every developer and for CI runs that need no browser.
 */
export function installCodeServer(): string {
  if (fs.existsSync(INSTALLED_MARKER) && fs.existsSync(BIN)) return BIN;
  log(`installing code-server ${CODE_SERVER_VERSION} into ${path.relative(process.cwd(), INSTALL_DIR)} (about a minute)`);
  freshDir(INSTALL_DIR);
  const tmp = freshDir(path.join(E2E_DIR, 'tmp'));
  seedRipgrepCache(tmp);
  fs.writeFileSync(path.join(INSTALL_DIR, 'package.json'), '{ "private": true }\n');
  const logFile = path.join(INSTALL_DIR, 'install.log');
  const install = () => {
    const out = fs.openSync(logFile, 'a');
    try {
      return spawnSync('npm', ['install', '--no-save', '--no-package-lock', `code-server@${CODE_SERVER_VERSION}`], {
        cwd: INSTALL_DIR,
        stdio: ['ignore', out, out],
        env: cleanEnv({
          TMPDIR: tmp, // @vscode/ripgrep looks for its download cache in os.tmpdir()
          npm_config_yes: 'true', // node-pty's postinstall runs `npx node-gyp`; a user npmrc with yes=false would stop it
          npm_config_unsafe_perm: 'true', // code-server's postinstall refuses to run as root without it
          npm_config_fund: 'false',
          npm_config_audit: 'false',
          npm_config_update_notifier: 'false',
          ...nodeHeaders(),
        }),
      });
    } finally {
      fs.closeSync(out);
    }
  };
  let result = install();
  if (result.status !== 0) {
    // ~100 MB from the registry: a dropped connection is worth one more try, a failed native build is not helped.
    log('npm install code-server failed; trying once more');
    result = install();
  }
  if (result.status !== 0 || !fs.existsSync(BIN)) {
    const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
    throw new Error(`npm install code-server@${CODE_SERVER_VERSION} failed (${result.error?.message ?? `exit ${result.status}`}); ` +
      `it needs build-essential, python3 and libkrb5-dev. Last lines of ${logFile}:\n${tail}`);
  }
  fs.writeFileSync(INSTALLED_MARKER, `${CODE_SERVER_VERSION}\n`);
  return BIN;
}

/**
 * node-gyp compiles code-server's native modules against the running Node's headers and would download them when it
 * does not find them; the nodejs package installs them beside the binary (/usr/include/node), so point it there.
 */
function nodeHeaders(): Record<string, string> {
  const prefix = path.resolve(path.dirname(process.execPath), '..');
  return fs.existsSync(path.join(prefix, 'include/node/node.h')) ? { npm_config_nodedir: prefix } : {};
}

/** @vscode/ripgrep's postinstall downloads rg from GitHub; with Debian's rg (also 13.0.0) in its cache it does not. */
function seedRipgrepCache(tmp: string): void {
  const rg = findOnPath('rg');
  if (!rg) throw new Error('rg not found: install Debian\'s ripgrep (code-server\'s search needs it and cannot download it here)');
  const stage = freshDir(path.join(tmp, 'rg-stage'));
  fs.copyFileSync(rg, path.join(stage, 'rg'));
  fs.chmodSync(path.join(stage, 'rg'), 0o755);
  const cache = freshDir(path.join(tmp, RIPGREP_CACHE));
  const tar = spawnSync('tar', ['czf', path.join(cache, RIPGREP_ARCHIVE), '-C', stage, 'rg'], { stdio: 'inherit' });
  if (tar.status !== 0) throw new Error('could not pack Debian\'s rg for @vscode/ripgrep\'s cache');
}

export function findOnPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, command);
    if (dir && fs.existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** A private code-server profile: its own HOME and XDG folders, user data and extensions, none of the user's. */
export class Profile {
  readonly home: string;
  readonly userData: string;
  readonly extensions: string;

  constructor(readonly dir: string) {
    this.home = path.join(dir, 'home');
    this.userData = path.join(dir, 'user-data');
    this.extensions = path.join(dir, 'extensions');
    for (const d of [this.home, path.join(this.userData, 'User'), this.extensions]) fs.mkdirSync(d, { recursive: true });
    // Quiet the workbench: no welcome page, trust prompt, update checks, AI panels or git scanning to wait through.
    const settings = {
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.enableExperiments': false,
      'security.workspace.trust.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'extensions.autoUpdate': false,
      'extensions.autoCheckUpdates': false,
      'extensions.ignoreRecommendations': true,
      'chat.disableAIFeatures': true,
      'git.enabled': false,
      'editor.minimap.enabled': false,
    };
    fs.writeFileSync(path.join(this.userData, 'User/settings.json'), JSON.stringify(settings, null, 2));
  }

  /** code-server writes ~/.config/code-server and ~/.local/share/code-server, Chromium ~/.config and ~/.cache. */
  env(): NodeJS.ProcessEnv {
    return cleanEnv({
      HOME: this.home,
      XDG_CONFIG_HOME: path.join(this.home, '.config'),
      XDG_DATA_HOME: path.join(this.home, '.local/share'),
      XDG_CACHE_HOME: path.join(this.home, '.cache'),
    });
  }

  private args(): string[] {
    return ['--user-data-dir', this.userData, '--extensions-dir', this.extensions];
  }

  /** Installs the VSIX the way a user does and returns the folder it was unpacked to. */
  installExtension(bin: string, vsix: string): string {
    const result = spawnSync(bin, [...this.args(), '--install-extension', vsix], { env: this.env(), encoding: 'utf8' });
    const installed = fs.readdirSync(this.extensions).filter((name) => name.startsWith('kubewright.kubewright-'));
    if (result.status !== 0 || installed.length !== 1) {
      throw new Error(`code-server --install-extension ${vsix} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
    }
    return path.join(this.extensions, installed[0]);
  }

  /** Starts code-server on a free port of 127.0.0.1 and resolves once it answers /healthz. */
  async start(bin: string, logFile: string): Promise<CodeServer> {
    const port = await freePort();
    const out = fs.openSync(logFile, 'w');
    const args = [...this.args(), '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry',
      '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override'];
    // detached: its own process group, so stopping it takes the extension hosts and language servers along.
    const child = spawn(bin, args, { env: this.env(), detached: true, stdio: ['ignore', out, out] });
    fs.closeSync(out);
    fs.writeFileSync(PID_FILE, `${child.pid}\n`);
    const server = new CodeServer(child, `http://127.0.0.1:${port}`);
    try {
      await server.waitHealthy(logFile);
    } catch (error) {
      await server.stop();
      throw error;
    }
    return server;
  }
}

/**
 * Stops a code-server that an earlier run started and could not stop (a SIGKILL gives no chance to clean up), if
 * the process with its id is still that code-server.
 */
export function stopLeftoverCodeServer(): void {
  try {
    const pid = Number(fs.readFileSync(PID_FILE, 'utf8'));
    if (pid > 0 && fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(INSTALL_DIR)) {
      log(`stopping code-server ${pid}, left running by an earlier run`);
      process.kill(-pid, 'SIGKILL');
    }
  } catch {
    // No pid file, or no such process: nothing was left behind.
  }
  fs.rmSync(PID_FILE, { force: true });
}

export class CodeServer {
  private exited = false;

  constructor(private readonly child: ChildProcess, readonly url: string) {
    child.once('exit', () => { this.exited = true; });
  }

  async waitHealthy(logFile: string, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && !this.exited) {
      try {
        if ((await fetch(`${this.url}/healthz`)).ok) return;
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`code-server did not answer ${this.url}/healthz within ${timeoutMs / 1000}s:\n${fs.readFileSync(logFile, 'utf8')}`);
  }

  /** The workbench URL for `folder`, with a `payload` of extra launch options when given. */
  workbenchUrl(folder: string, payload?: [string, string][]): string {
    const query = `folder=${encodeURIComponent(folder)}`;
    return `${this.url}/?${query}${payload ? `&payload=${encodeURIComponent(JSON.stringify(payload))}` : ''}`;
  }

  /** SIGTERM to the whole process group, SIGKILL if it is still there after five seconds. */
  async stop(): Promise<void> {
    if (!this.signal('SIGTERM')) return;
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline) {
      if (!this.signal(0)) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    this.kill();
  }

  /** For exit handlers, which cannot wait. */
  kill(): void {
    this.signal('SIGKILL');
  }

  /** Signals the process group; false when it is gone. */
  private signal(signal: NodeJS.Signals | 0): boolean {
    try {
      process.kill(-this.child.pid!, signal);
      return true;
    } catch {
      return false;
    }
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
