// Security: linting and fixing every corpus file opens no network connection and looks up no host name. The engine
// reads text and returns findings; this test would catch a rule or library that reached out (a schema fetch, telemetry).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
// The modules themselves, not import * copies, whose properties are read-only getters: the traps must replace the
// functions every caller sees.
import dns = require('node:dns');
import http = require('node:http');
import https = require('node:https');
import net = require('node:net');
import { fixAll, lintText } from '../../server/src/engine';
import { CORPUS, skipWithoutCorpus, yamlFiles } from '../corpus/corpus-files';

describe('security: no network', function () {
  this.timeout(300_000);
  before(skipWithoutCorpus);

  it('lints and fixes the whole corpus without opening a socket or resolving a name', () => {
    const attempts: string[] = [];
    const originals: Array<() => void> = [];
    /** Replaces obj[key] with a function that records the call and throws, until the test ends. */
    const trap = <T extends object>(obj: T, key: keyof T & string, what: string) => {
      const original = obj[key];
      (obj as Record<string, unknown>)[key] = () => {
        attempts.push(what);
        throw new Error(`network access during lint: ${what}`);
      };
      originals.push(() => ((obj as Record<string, unknown>)[key] = original));
    };
    trap(net.Socket.prototype, 'connect', 'net.Socket.connect');
    trap(dns, 'lookup', 'dns.lookup');
    trap(http, 'request', 'http.request');
    trap(https, 'request', 'https.request');
    trap(globalThis, 'fetch', 'fetch');
    let files = 0;
    try {
      // The traps work: a connection and a lookup made here are caught (and then forgotten).
      assert.throws(() => new net.Socket().connect(443, 'example.com'));
      assert.throws(() => dns.lookup('example.com', () => undefined));
      assert.deepEqual(attempts.splice(0), ['net.Socket.connect', 'dns.lookup']);
      for (const file of yamlFiles(CORPUS)) {
        const text = fs.readFileSync(file, 'utf8');
        lintText(text);
        fixAll(text);
        files++;
      }
    } finally {
      for (const restore of originals) restore();
    }
    assert.deepEqual(attempts, []);
    assert.ok(files > 100, `linted ${files} corpus files`);
  });
});
