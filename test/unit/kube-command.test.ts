// A container's process as Kubernetes command/args and back, $(VAR) references, and
// resource quantities: pure, every case without a kernel.
import { describe, expect, it } from 'vitest';

import { escapeRefs, expandRefs, kubeCommand, requestCommand } from '../../src/engine/kube/command.js';
import { formatCpu, formatMemory, parseQuantity } from '../../src/engine/kube/quantity.js';

const vars = new Map([
  ['A', 'one'],
  ['B', 'two words'],
]);

describe('$(VAR) references', () => {
  it('expands defined names, leaves unknown ones, reads $$ as $', () => {
    expect(expandRefs('$(A)-$(B)', vars)).toBe('one-two words');
    expect(expandRefs('$(C) stays', vars)).toBe('$(C) stays');
    expect(expandRefs('$$(A) is escaped', vars)).toBe('$(A) is escaped');
    expect(expandRefs('cost: $$5 and $HOME and $', vars)).toBe('cost: $5 and $HOME and $');
    expect(expandRefs('$(A unclosed', vars)).toBe('$(A unclosed');
  });

  it('escaping gives the text back through expansion, whatever it holds', () => {
    for (const text of ['$(A)', '$$', 'echo $HOME', 'a$', '$$(A)', '$($(B))', 'x $(cat f) y', '']) {
      expect(expandRefs(escapeRefs(text), vars)).toBe(text);
    }
    expect(escapeRefs('echo $HOME')).toBe('echo $HOME');
  });
});

describe('command and args', () => {
  const image = { Entrypoint: ['/entry.sh'], Cmd: ['serve', '--port', '80'] };

  it("writes nothing when the process is the image's", () => {
    expect(kubeCommand(['/entry.sh', 'serve', '--port', '80'], ['/entry.sh'], image)).toEqual({});
  });

  it("writes args when only the image's Cmd was replaced", () => {
    expect(kubeCommand(['/entry.sh', 'debug'], ['/entry.sh'], image)).toEqual({ args: ['debug'] });
  });

  it('writes command (the entrypoint) and args when the entrypoint was replaced', () => {
    expect(kubeCommand(['/bin/sh', '-c', 'httpd -f'], ['/bin/sh'], image)).toEqual({ command: ['/bin/sh'], args: ['-c', 'httpd -f'] });
    expect(kubeCommand(['/bin/true'], ['/bin/true'], image)).toEqual({ command: ['/bin/true'] });
  });

  it("writes the command alone when the image's Cmd was dropped by an entrypoint equal to the image's", () => {
    expect(kubeCommand(['/entry.sh'], ['/entry.sh'], image)).toEqual({ command: ['/entry.sh'] });
  });

  it('writes the whole process as command when the entrypoint was cleared', () => {
    expect(kubeCommand(['sleep', '5'], [], image)).toEqual({ command: ['sleep', '5'] });
  });

  it('an image without an entrypoint takes the process as args', () => {
    expect(kubeCommand(['httpd', '-f'], [], { Cmd: ['sh'] })).toEqual({ args: ['httpd', '-f'] });
    expect(kubeCommand(['sh'], [], { Cmd: ['sh'] })).toEqual({});
  });

  it('escapes $( so that Kubernetes runs the same words', () => {
    expect(kubeCommand(['sh', '-c', 'echo $(date)'], [], {})).toEqual({ args: ['sh', '-c', 'echo $$(date)'] });
  });

  it('reads command and args back into one entrypoint word and the rest, the same process', () => {
    expect(requestCommand(['/bin/sh', '-c'], ['httpd -f'])).toEqual({ entrypoint: '/bin/sh', command: ['-c', 'httpd -f'] });
    expect(requestCommand(['/bin/true'], undefined)).toEqual({ entrypoint: '/bin/true', command: [] });
    expect(requestCommand(undefined, ['debug'])).toEqual({ command: ['debug'] });
    expect(requestCommand(undefined, undefined)).toEqual({ command: [] });
    expect(requestCommand([], ['x'])).toEqual({ command: ['x'] });
  });
});

describe('quantities', () => {
  it('reads binary and decimal suffixes, exponents, millis and plain numbers', () => {
    expect(parseQuantity('64Mi', 'm')).toBe(64 * 1024 * 1024);
    expect(parseQuantity('1Gi', 'm')).toBe(1024 ** 3);
    expect(parseQuantity('1G', 'm')).toBe(1e9);
    expect(parseQuantity('129e6', 'm')).toBe(129e6);
    expect(parseQuantity('500m', 'c')).toBeCloseTo(0.5);
    expect(parseQuantity('1.5', 'c')).toBe(1.5);
    expect(parseQuantity(2, 'c')).toBe(2);
    expect(parseQuantity('12k', 'm')).toBe(12000);
  });

  it('refuses what is no quantity, naming the field', () => {
    expect(() => parseQuantity('64MB', 'limits.memory')).toThrow(/limits.memory: '64MB' is not a quantity/);
    expect(() => parseQuantity('-1', 'limits.cpu')).toThrow(/negative/);
    expect(() => parseQuantity(true, 'limits.cpu')).toThrow(/not a quantity/);
  });

  it('writes memory in the largest binary unit that divides it, cpu in CPUs or millicores', () => {
    expect(formatMemory(64 * 1024 * 1024)).toBe('64Mi');
    expect(formatMemory(2 * 1024 ** 3)).toBe('2Gi');
    expect(formatMemory(1536 * 1024)).toBe('1536Ki');
    expect(formatMemory(1000)).toBe('1000');
    expect(formatCpu(2e9)).toEqual({ text: '2', exact: true });
    expect(formatCpu(5e8)).toEqual({ text: '500m', exact: true });
    expect(formatCpu(1.2345e9)).toEqual({ text: '1235m', exact: false });
  });
});
