import { describe, expect, it } from 'vitest';

import {
  escapeExpansions,
  expandSpecifiers,
  lastValue,
  literalWord,
  parseUnit,
  quoteWord,
  resolveExec,
  serializeUnit,
  splitWords,
  UnitFileError,
  values,
  type UnitFile,
} from '../../src/engine/systemd/unit-file.js';

/** A unit without the line numbers, to compare what was read with what was written. */
const shape = (u: UnitFile) => u.sections.map((s) => ({ name: s.name, entries: s.entries.map((e) => [e.key, e.value]) }));

describe('unit file syntax', () => {
  it('reads sections, repeated keys and trimmed values, skipping comments and blank lines', () => {
    const u = parseUnit(
      ['# a comment', '; another', '[Unit]', 'Description = a web server  ', '', '[Service]', 'Environment=A=1', 'Environment=B=2', 'ExecStart=/bin/true\r'].join('\n'),
      'web.service',
    );
    expect(shape(u)).toEqual([
      { name: 'Unit', entries: [['Description', 'a web server']] },
      { name: 'Service', entries: [['Environment', 'A=1'], ['Environment', 'B=2'], ['ExecStart', '/bin/true']] },
    ]);
    expect(u.sections[1]!.entries.map((e) => e.line)).toEqual([7, 8, 9]);
  });

  it('joins continued lines with one space, skipping comment lines inside, and keeps the first line number', () => {
    const u = parseUnit(['[Service]', 'ExecStart=/bin/echo \\', '    one \\', '# not part of it', '\ttwo', 'Type=oneshot'].join('\n'), 'x.service');
    expect(shape(u)[0]!.entries).toEqual([
      ['ExecStart', '/bin/echo one two'],
      ['Type', 'oneshot'],
    ]);
    expect(u.sections[0]!.entries[1]!.line).toBe(6);
  });

  it('names the file and line of what it cannot read', () => {
    const cases: [string, number, RegExp][] = [
      ['Key=1', 1, /outside any section/],
      ['[Unit]\n\njust words', 3, /expected KEY=VALUE/],
      ['[Unit]\n[Bad', 2, /malformed section header/],
      ['[Unit]\nbad key=1', 2, /invalid key name 'bad key'/],
    ];
    for (const [text, line, detail] of cases) {
      let err: unknown;
      try {
        parseUnit(text, '/etc/x.container');
      } catch (e) {
        err = e;
      }
      expect(err, text).toBeInstanceOf(UnitFileError);
      expect((err as UnitFileError).message).toMatch(new RegExp(`^/etc/x\\.container:${line}: `));
      expect((err as UnitFileError).message).toMatch(detail);
      expect((err as UnitFileError).line).toBe(line);
    }
  });

  it('writes what it reads: a written unit reads back the same, long Exec lines wrapped before options', () => {
    const long = `/usr/bin/node /opt/boxctl/dist/boxctl.js run --cidfile=%t/%n.ctr-id --sdnotify=conmon --replace --rm -d --name web "an image" sh -c "echo a b"`;
    const unit: UnitFile = {
      sections: [
        { name: 'Unit', line: 0, entries: [{ key: 'Description', value: 'web', line: 0 }] },
        {
          name: 'Service',
          line: 0,
          entries: [
            { key: 'ExecStart', value: long, line: 0 },
            { key: 'Environment', value: 'A=1', line: 0 },
            { key: 'Environment', value: 'B=2', line: 0 },
          ],
        },
      ],
    };
    const text = serializeUnit(unit, ['web.service', 'made by a test']);
    expect(text.startsWith('# web.service\n# made by a test\n\n[Unit]\nDescription=web\n\n[Service]\nExecStart=/usr/bin/node /opt/boxctl/dist/boxctl.js run \\\n\t--cidfile=%t/%n.ctr-id \\\n')).toBe(true);
    expect(text).toContain('\t--name web "an image" sh \\\n\t-c "echo a b"\n');
    expect(shape(parseUnit(text, 'web.service'))).toEqual(shape(unit));
    // and text in the written form is written back unchanged
    expect(serializeUnit(parseUnit(text, 'web.service'), ['web.service', 'made by a test'])).toBe(text);
  });

  it('takes all values of a key in order, an empty assignment resetting the list, and the last for single keys', () => {
    const u = parseUnit('[Container]\nVolume=a:/a\nVolume=\nVolume=b:/b\n[Container]\nVolume=c:/c\nImage=one\nImage=two', 'x.container');
    expect(values(u, 'Container', 'Volume').map((e) => e.value)).toEqual(['b:/b', 'c:/c']);
    expect(lastValue(u, 'Container', 'Image')?.value).toBe('two');
    expect(lastValue(u, 'Container', 'Exec')).toBeUndefined();
  });
});

describe('command line words', () => {
  it('splits as systemd does: quotes group, C escapes decode, % and $ stay', () => {
    expect(splitWords(`a "b c" 'd "e"' f\\x41\\tg "h\\"i" %n $X \\;`)).toEqual(['a', 'b c', 'd "e"', 'fA\tg', 'h"i', '%n', '$X', ';']);
    expect(splitWords('  ')).toEqual([]);
    expect(() => splitWords('a "b', 'Exec')).toThrow(/Exec: unbalanced " quote/);
  });

  it('quotes any word so that it splits back to itself', () => {
    const tricky = ['', 'plain', 'a b', 'a"b', "a'b", 'back\\slash', 'tab\there', 'new\nline', ';', '%n', '$HOME', 'ünïcode', '\x01', 'a=b,c:d/e'];
    for (const w of tricky) expect(splitWords(quoteWord(w)), JSON.stringify(w)).toEqual([w]);
    expect(quoteWord('--name=web')).toBe('--name=web');
    expect(quoteWord('a b')).toBe('"a b"');
  });

  it('keeps literal words literal through specifier and variable expansion', () => {
    const tricky = ['100%', '%n', '$HOME', '${HOME}', '$$', 'a b $X %t', 'cost: $5 (50%)'];
    const argv = resolveExec(tricky.map(literalWord).join(' '), { n: 'web.service', t: '/run/user/1' }, { HOME: '/home/x', X: 'y' }).argv;
    expect(argv).toEqual(tricky);
    expect(escapeExpansions('50% of $5')).toBe('50%% of $$5');
  });

  it('runs Exec lines as systemd: specifiers, then words, then variables; a - prefix lets the command fail', () => {
    const cmd = resolveExec('-/bin/rm -f %t/%n.ctr-id "%h/a b" 100%% $$X ${A}x $B', { t: '/run/user/1001', n: 'web.service', h: '/home/u' }, { A: 'a', B: 'one two' });
    expect(cmd).toEqual({ argv: ['/bin/rm', '-f', '/run/user/1001/web.service.ctr-id', '/home/u/a b', '100%', '$X', 'ax', 'one', 'two'], ignoreFailure: true });
    expect(resolveExec('/bin/true', {}, {}).ignoreFailure).toBe(false);
    expect(() => expandSpecifiers('%Q', {}, 'ExecStart')).toThrow(/ExecStart: unknown specifier %Q/);
  });
});
