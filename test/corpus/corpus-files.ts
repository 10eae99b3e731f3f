// Where the shared corpus is and which files in it are YAML, for the corpus tests; they skip when it is absent.
import * as fs from 'node:fs';
import * as path from 'node:path';

export const CORPUS = process.env.KUBEWRIGHT_CORPUS ?? path.resolve(__dirname, '../../../../shared/corpus');

export function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return yamlFiles(full);
    return /\.ya?ml$/.test(entry.name) ? [full] : [];
  });
}

/** A mocha `before` hook body: skips the suite, saying why, when the corpus is not beside the checkout. */
export function skipWithoutCorpus(this: Mocha.Context): void {
  if (!fs.existsSync(CORPUS)) {
    console.warn(`  corpus test skipped: ${CORPUS} not found (set KUBEWRIGHT_CORPUS or check out ../shared beside the project)`);
    this.skip();
  }
}
