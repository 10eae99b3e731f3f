// PATH expansion on a real temporary tree: folders walked for *.yaml / *.yml, skipped folders, globs with
// `**`, `*` and braces, duplicates, sorting, and the messages for PATHs that match nothing.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expandPaths } from '../../server/src/cli/files';
import { makeTree, removeTree } from './harness';

describe('cli: files', () => {
  let root: string;
  /** Expanded files relative to the tree, for short assertions. */
  const expand = (...paths: string[]) => {
    const { files, problems } = expandPaths(paths, root);
    return { files: files.map((file) => path.relative(root, file)), problems };
  };

  before(() => {
    root = makeTree({
      'top.yaml': 'a: 1\n',
      'manifests/app.yaml': 'a: 1\n',
      'manifests/db.YML': 'a: 1\n',
      'manifests/README.md': '# not YAML\n',
      'manifests/base/deploy.yml': 'a: 1\n',
      'manifests/base/deep/er/svc.yaml': 'a: 1\n',
      'manifests/node_modules/dep/chart.yaml': 'a: 1\n',
      'manifests/.hidden/secret.yaml': 'a: 1\n',
      'manifests/.dotfile.yaml': 'a: 1\n',
      'other/x.yaml': 'a: 1\n',
      'docs/guide.md': '# nothing to lint\n',
      'notes.txt': 'kind: Pod\n',
    });
  });

  after(() => removeTree(root));

  it('walks a folder for .yaml and .yml files (any case), skipping node_modules and dot-folders, sorted', () => {
    assert.deepEqual(expand('manifests'), {
      files: [
        'manifests/.dotfile.yaml',
        'manifests/app.yaml',
        'manifests/base/deep/er/svc.yaml',
        'manifests/base/deploy.yml',
        'manifests/db.YML',
      ],
      problems: [],
    });
  });

  it('enters a dot-folder or node_modules when it is the PATH itself', () => {
    assert.deepEqual(expand('manifests/.hidden', 'manifests/node_modules').files, [
      'manifests/.hidden/secret.yaml',
      'manifests/node_modules/dep/chart.yaml',
    ]);
  });

  it('takes a named file whatever its extension', () => {
    assert.deepEqual(expand('notes.txt'), { files: ['notes.txt'], problems: [] });
  });

  it('expands ** to any depth, including none', () => {
    assert.deepEqual(expand('manifests/**/*.yaml').files, ['manifests/app.yaml', 'manifests/base/deep/er/svc.yaml']);
  });

  it('expands * within one folder only', () => {
    assert.deepEqual(expand('manifests/*').files, ['manifests/app.yaml', 'manifests/db.YML']);
    assert.deepEqual(expand('*/*.yaml').files, ['manifests/app.yaml', 'other/x.yaml']);
  });

  it('expands braces, and leading-** globs from the working folder', () => {
    assert.deepEqual(expand('{other,manifests/base}/*.{yaml,yml}').files, ['manifests/base/deploy.yml', 'other/x.yaml']);
    assert.deepEqual(expand('**/svc.yaml').files, ['manifests/base/deep/er/svc.yaml']);
  });

  it('accepts an absolute glob', () => {
    assert.deepEqual(expand(path.join(root, 'other', '*.yaml')).files, ['other/x.yaml']);
  });

  it('lists a file once however many PATHs name it', () => {
    assert.deepEqual(expand('other/x.yaml', 'other', './other/x.yaml', 'other/*.yaml', 'top.yaml').files, [
      'other/x.yaml',
      'top.yaml',
    ]);
  });

  it('takes an existing name literally even if it looks like a glob', () => {
    const literal = makeTree({ '[prod].yaml': 'a: 1\n', 'p.yaml': 'a: 1\n' });
    try {
      assert.deepEqual(expandPaths(['[prod].yaml'], literal).files, [path.join(literal, '[prod].yaml')]);
    } finally {
      removeTree(literal);
    }
  });

  it('names each PATH that matches nothing, and still lists the rest', () => {
    assert.deepEqual(expand('missing.yaml', 'top.yaml', 'docs', 'manifests/**/*.json', 'nowhere/*.yaml'), {
      files: ['top.yaml'],
      problems: [
        '"missing.yaml": no such file or folder',
        '"docs": no .yaml or .yml files in this folder',
        '"manifests/**/*.json" matches no .yaml or .yml files',
        '"nowhere/*.yaml" matches no .yaml or .yml files',
      ],
    });
  });

  it('follows a symbolic link to a folder once, without looping on a link back up', function () {
    const linked = makeTree({ 'real/a.yaml': 'a: 1\n' });
    try {
      fs.symlinkSync(path.join(linked, 'real'), path.join(linked, 'alias'), 'dir');
      fs.symlinkSync(linked, path.join(linked, 'real', 'up'), 'dir');
    } catch {
      removeTree(linked);
      this.skip(); // no symlink permission (Windows without developer mode)
    }
    try {
      // `alias` and `real` are the same folder: whichever the walk enters first is listed, the other is not.
      const { files, problems } = expandPaths(['.'], linked);
      assert.deepEqual(problems, []);
      assert.equal(files.length, 1);
      assert.match(files[0], /[\\/](alias|real)[\\/]a\.yaml$/);
    } finally {
      removeTree(linked);
    }
  });
});
