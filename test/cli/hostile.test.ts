// The CLI on what is not a manifest, or not there: binary files, symbolic link loops, unreadable files, folders
// without YAML; and --fix killed in the middle of writing, which must leave the old file or the new one, never half.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixAll } from '../../server/src/engine';
import { oneDocument } from '../fuzz/hostile-cases';
import { makeTree, removeTree, runCli } from './harness';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');
/** The first bytes of every PNG file. */
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
const POD = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: web\n      image: nginx:1.25\n      securityContext:\n        privileged: true\n';
const TEMPORARY = /^\.big\.yaml\.kubewright-\d+\.tmp$/;

describe('cli: hostile files', () => {
  let root: string;
  beforeEach(() => (root = makeTree({ 'pod.yaml': POD, 'docs/readme.md': '# no YAML here\n' })));
  afterEach(() => removeTree(root));

  it('says a binary file is not a text file, exit 2, whatever its name', () => {
    fs.writeFileSync(path.join(root, 'logo.png'), PNG);
    fs.writeFileSync(path.join(root, 'logo.yaml'), PNG);
    const { exitCode, stdout, stderr } = runCli(['lint', 'logo.png', 'logo.yaml', 'pod.yaml'], { cwd: root });
    assert.deepEqual({ exitCode, stdout }, { exitCode: 2, stdout: '' });
    assert.equal(stderr, `kubewright: cannot read ${path.join(root, 'logo.png')}: not a text file\nkubewright: cannot read ${path.join(root, 'logo.yaml')}: not a text file\n`);
  });

  it('names a PATH that is a loop of symbolic links, exit 2', function () {
    try {
      fs.symlinkSync(path.join(root, 'b.yaml'), path.join(root, 'a.yaml'));
      fs.symlinkSync(path.join(root, 'a.yaml'), path.join(root, 'b.yaml'));
    } catch {
      this.skip(); // no symlink permission (Windows without developer mode)
    }
    const { exitCode, stderr } = runCli(['lint', 'a.yaml'], { cwd: root });
    assert.deepEqual({ exitCode, stderr }, { exitCode: 2, stderr: 'kubewright: "a.yaml": a loop of symbolic links\n' });
    // Inside a folder the looping links are skipped like dangling ones, and the rest is linted.
    assert.equal(runCli(['lint', '.'], { cwd: root }).exitCode, 1);
  });

  it('names a folder without YAML files, exit 2', () => {
    assert.deepEqual(runCli(['lint', 'docs'], { cwd: root }), { exitCode: 2, stdout: '', stderr: 'kubewright: "docs": no .yaml or .yml files in this folder\n' });
  });

  it('names a file it may not read, exit 2', function () {
    if (process.getuid?.() === 0) this.skip(); // root reads anything
    fs.chmodSync(path.join(root, 'pod.yaml'), 0o000);
    const { exitCode, stderr } = runCli(['lint', 'pod.yaml'], { cwd: root });
    assert.deepEqual({ exitCode, stderr }, { exitCode: 2, stderr: `kubewright: cannot read ${path.join(root, 'pod.yaml')}: permission denied\n` });
  });
});

describe('cli: --fix killed while writing', function () {
  this.timeout(120_000);

  /** Starts `lint --fix big.yaml` and SIGKILLs it the moment its temporary file appears; resolves when it is dead. */
  function killWhileWriting(folder: string): Promise<{ killed: boolean }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [CLI, 'lint', '--fix', 'big.yaml'], { cwd: folder, stdio: 'ignore' });
      let killed = false;
      const kill = () => {
        if (!killed && fs.readdirSync(folder).some((name) => TEMPORARY.test(name))) killed = child.kill('SIGKILL');
      };
      const watcher = fs.watch(folder, kill);
      const poll = setInterval(kill, 1);
      child.on('error', reject);
      child.on('exit', () => {
        watcher.close();
        clearInterval(poll);
        resolve({ killed });
      });
    });
  }

  it('leaves the old file or the new one, never part of one, and the next run removes the temporary file', async function () {
    if (!fs.existsSync(CLI)) this.skip();
    // A Pod to fix, then 40 MB that take a while to write (a document that size is not parsed, so fixing is quick).
    const original = `${POD}---\n${oneDocument(40 * 1024 * 1024)}`;
    const fixed = fixAll(original).text;
    assert.notEqual(fixed, original);
    let caughtMidWrite = 0;
    for (let attempt = 0; attempt < 3; attempt++) {
      const folder = makeTree({});
      try {
        fs.writeFileSync(path.join(folder, 'big.yaml'), original);
        const { killed } = await killWhileWriting(folder);
        const after = fs.readFileSync(path.join(folder, 'big.yaml'), 'utf8');
        assert.ok(after === original || after === fixed, `big.yaml is whole: ${after.length} characters, not ${original.length} or ${fixed.length}`);
        const left = fs.readdirSync(folder).filter((name) => name !== 'big.yaml');
        assert.ok(left.every((name) => TEMPORARY.test(name)), `only the temporary file may be left: ${left}`);
        if (killed && left.length > 0) caughtMidWrite++;
        // The next run finishes the job and cleans up after the killed one.
        runCli(['lint', '--fix', 'big.yaml'], { cwd: folder });
        assert.deepEqual(fs.readdirSync(folder), ['big.yaml']);
        assert.equal(fs.readFileSync(path.join(folder, 'big.yaml'), 'utf8'), fixed);
      } finally {
        removeTree(folder);
      }
    }
    console.log(`      killed mid-write ${caughtMidWrite} of 3 times (the others finished or died before writing)`);
  });
});
