// no-container-socket: runtime sockets and the folders holding them, reported on the path value.
import * as assert from 'node:assert/strict';
import { runRuleTests, yaml } from '../../support/rule-tester';
import { rule } from '../../../server/src/engine/rules/no-container-socket';
import { exposedSocket } from '../../../server/src/engine/k8s/volumes';

runRuleTests(rule, {
  valid: [
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        containers:
          - name: a
            image: x:1
        volumes:
          - name: varlog
            hostPath: {path: /var/log}
          - name: docker-data
            hostPath: {path: /var/lib/docker/containers}`,
  ],
  invalid: [
    yaml`
      apiVersion: v1
      kind: Pod
      metadata: {name: p}
      spec:
        containers:
          - name: a
            image: x:1
        volumes:
          - name: docker
            hostPath:
              path: /var/run/docker.sock
      #             ^^^^^^^^^^^^^^^^^^^^ Volume "docker" mounts the container runtime socket /var/run/docker.sock
              type: Socket
          - name: containerd
            hostPath: {path: /run/containerd/containerd.sock}
      #                      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ containerd.sock
          - name: run
            hostPath: {path: /var/run/}
      #                      ^^^^^^^^^ /var/run/, which holds the container runtime socket`,
  ],
});

describe('exposedSocket', () => {
  it('knows each runtime and the folders above its socket, and nothing else', () => {
    assert.equal(exposedSocket('/var/run/crio/crio.sock'), '/var/run/crio/crio.sock');
    assert.equal(exposedSocket('/run/cri-dockerd.sock'), '/run/cri-dockerd.sock');
    assert.equal(exposedSocket('//var//run//docker.sock'), '/var/run/docker.sock');
    assert.equal(exposedSocket('/run/containerd'), '/run/containerd/containerd.sock');
    assert.equal(exposedSocket('/'), '/var/run/docker.sock');
    assert.equal(exposedSocket('/var/run-other'), undefined);
    assert.equal(exposedSocket('/var/lib/containerd'), undefined);
    assert.equal(exposedSocket('relative/docker.sock'), undefined);
  });
});
