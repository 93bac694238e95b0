import { describe, expect, it } from 'vitest';

import { UserError } from '../../src/errors.js';
import { goJson, goMap, goSprintf } from '../../src/cli/render/gofmt.js';
import { tabwrite } from '../../src/cli/render/tabwriter.js';
import { compileFormat, headerOf, isJsonFormat } from '../../src/cli/render/template.js';

const row = {
  ID: 'abc123',
  Name: 'web',
  N: 42,
  List: ['a', 'b', 'c'],
  Empty: [] as string[],
  Labels: goMap({ b: '2', a: '1' }),
  State: { Status: 'running', Pid: 7, Health: { Status: 'healthy' } },
  Flag: true,
  Off: false,
  Title: 'hello big world',
  Label: (k: unknown) => `label:${String(k)}`,
};
const FIELDS = Object.keys(row);

function one(format: string, data: object = row): string {
  return compileFormat(format, { fields: Object.keys(data) }).render([data]);
}

function error(format: string, fields: readonly string[] = FIELDS): string {
  try {
    compileFormat(format, { fields }).render([row]);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    const message = (e as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error(`no error for ${format}`);
}

describe('template: fields and functions', () => {
  it.each([
    ['{{.ID}}', 'abc123\n'],
    ['{{.ID}} {{.Name}}', 'abc123 web\n'],
    ['{{ .State.Status }}', 'running\n'],
    ['{{.State.Health.Status}}', 'healthy\n'],
    ['{{index .Labels "a"}}', '1\n'],
    ['[{{index .Labels "missing"}}]', '[]\n'],
    ['{{.Labels.b}}', '2\n'],
    ['{{.Labels.missing}}', '<no value>\n'],
    ['{{.Labels}}', 'map[a:1 b:2]\n'],
    ['{{.List}}', '[a b c]\n'],
    ['{{.State}}', '{running 7 {healthy}}\n'],
    ['{{index .List 1}}', 'b\n'],
    ['{{json .Labels}}', '{"a":"1","b":"2"}\n'],
    ['{{json .List}}', '["a","b","c"]\n'],
    ['{{json .State}}', '{"Status":"running","Pid":7,"Health":{"Status":"healthy"}}\n'],
    ['{{json .Name}}', '"web"\n'],
    ['{{upper .Name}} {{lower "ABC"}} {{title .Title}}', 'WEB abc Hello Big World\n'],
    ['{{join .List ","}}', 'a,b,c\n'],
    ['{{join .List ", "}}', 'a, b, c\n'],
    ['{{len .List}} {{len .Name}} {{len .Labels}} {{len "é"}}', '3 3 2 2\n'],
    ['{{split "a:b" ":"}}', '[a b]\n'],
    ['{{pad .Name 2 1}}|', '  web |\n'],
    ['{{truncate .ID 3}}', 'abc\n'],
    ['{{slice .ID 1 3}}', 'bc\n'],
    ['{{.Label "x"}}', 'label:x\n'],
    ['{{.Name | upper}}', 'WEB\n'],
    ['{{.Name | upper | printf "%s!"}}', 'WEB!\n'],
    ['{{printf "%s-%d" .Name .N}}', 'web-42\n'],
    ['{{(index .List 2) | upper}}', 'C\n'],
    ['{{(index .State.Health "Status")}}', 'healthy\n'],
    ['{{print .N .N "x" .N}}', '42 42x42\n'],
    ['{{println .Name .N}}', 'web 42\n\n'],
    ['{{.Flag}} {{.Off}} {{.N}}', 'true false 42\n'],
    ['{{"lit"}} {{`raw\\t`}} {{3}} {{true}}', 'lit raw\\t 3 true\n'],
    ['{{/* a comment */}}x', 'x\n'],
  ])('%s', (format, want) => {
    expect(one(format)).toBe(want);
  });

  it('compares with eq, ne, lt and friends, and joins conditions with and, or, not', () => {
    expect(one('{{if eq .State.Status "running" "paused"}}up{{end}}')).toBe('up\n');
    expect(one('{{if ne .Name "web"}}other{{else}}web{{end}}')).toBe('web\n');
    expect(one('{{if lt .N 50}}small{{end}} {{if ge .N 42}}big{{end}} {{gt 1 2}} {{le "a" "b"}}')).toBe('small big false true\n');
    expect(one('{{and .Flag .Name}} {{or .Off .Empty "x"}} {{not .Flag}}')).toBe('web x false\n');
  });
});

describe('template: control structures', () => {
  it.each([
    ['{{if .Flag}}yes{{else}}no{{end}}', 'yes\n'],
    ['{{if .Off}}yes{{else}}no{{end}}', 'no\n'],
    ['{{if .Empty}}some{{else}}none{{end}}', 'none\n'],
    ['{{if .Off}}a{{else if .Flag}}b{{else}}c{{end}}', 'b\n'],
    ['{{if .Off}}a{{else if .Empty}}b{{else}}c{{end}}', 'c\n'],
    ['{{range .List}}[{{.}}]{{end}}', '[a][b][c]\n'],
    ['{{range $i, $e := .List}}{{$i}}={{$e}} {{end}}', '0=a 1=b 2=c \n'],
    ['{{range $k, $v := .Labels}}{{$k}}:{{$v}};{{end}}', 'a:1;b:2;\n'],
    ['{{range .Empty}}x{{else}}empty{{end}}', 'empty\n'],
    ['{{range .List}}{{if eq . "b"}}{{break}}{{end}}{{.}}{{end}}', 'a\n'],
    ['{{range .List}}{{if eq . "b"}}{{continue}}{{end}}{{.}}{{end}}', 'ac\n'],
    ['{{range .List}}{{$.Name}}/{{.}} {{end}}', 'web/a web/b web/c \n'],
    ['{{$n := .Name}}{{range .List}}{{$n}}{{.}}{{end}}', 'webawebbwebc\n'],
    ['{{with .State}}{{.Status}}/{{.Pid}}{{end}}', 'running/7\n'],
    ['{{with .Empty}}has{{else}}none{{end}}', 'none\n'],
    ['a  {{- .Name -}}  b', 'awebb\n'],
    ['a {{- .Name}} b', 'aweb b\n'],
    ['{{range .List -}}\n  {{.}}\n{{- end}}', 'abc\n'],
  ])('%s', (format, want) => {
    expect(one(format)).toBe(want);
  });
});

describe('template: Podman handling around it', () => {
  const data = [
    { ID: 'c061a0839e', Value: 'one' },
    { ID: 'f10fc2e11057', Value: 'two' },
    { ID: '1eb6fab5aa8f4b5cbfd3e66aa35e9b2a', Value: 'three' },
  ];
  const spec = { fields: ['ID', 'Value'], headers: { ID: 'Identity', Value: 'Value' } };

  // The cases of containers/common's formatter_test.go, with its exact output.
  it('table: header row from the titles, columns through the tab writer', () => {
    expect(compileFormat('table {{.ID}}\t{{.Value}}', spec).render(data)).toBe(
      'Identity                          Value\nc061a0839e                        one\nf10fc2e11057                      two\n1eb6fab5aa8f4b5cbfd3e66aa35e9b2a  three\n',
    );
    const single = 'Identity\nc061a0839e\nf10fc2e11057\n1eb6fab5aa8f4b5cbfd3e66aa35e9b2a\n';
    expect(compileFormat('table {{ .ID}}', spec).render(data)).toBe(single);
    expect(compileFormat('table {{ .ID}}\n', spec).render(data)).toBe(single);
    expect(compileFormat('table {{ .ID}}\\n', spec).render(data)).toBe(single);
  });

  it('table: typed \\t and spaces are column breaks; --noheading drops the header', () => {
    const want = 'c061a0839e                        one\nf10fc2e11057                      two\n1eb6fab5aa8f4b5cbfd3e66aa35e9b2a  three\n';
    expect(compileFormat('table {{.ID}}\\t{{.Value}}', spec).render(data, { noHeading: true })).toBe(want);
    expect(compileFormat('table {{.ID}} {{.Value}}', spec).render(data, { noHeading: true })).toBe(want);
    const t = compileFormat('table {{.ID}}', spec);
    expect(t.table).toBe(true);
    expect(compileFormat('{{.ID}}', spec).table).toBe(false);
  });

  it('table: default titles are the field names in upper case, words split', () => {
    expect(compileFormat('table {{.ID}}\t{{.Value}}', { fields: ['ID', 'Value'] }).render([])).toBe('ID          VALUE\n');
    expect(compileFormat('table {{upper .Value}}:{{.ID}}', { fields: ['ID', 'Value'] }).render([])).toBe('VALUE:ID\n');
  });

  it('without table: one line per row, tabs left alone, a template with its own range runs once', () => {
    expect(compileFormat('{{.ID}}\\t{{.Value}}', spec).render(data)).toBe(
      'c061a0839e\tone\nf10fc2e11057\ttwo\n1eb6fab5aa8f4b5cbfd3e66aa35e9b2a\tthree\n',
    );
    expect(compileFormat('{{range .}}{{.ID}}\tID{{end}}', spec).render(data)).toBe(
      'c061a0839e\tIDf10fc2e11057\tID1eb6fab5aa8f4b5cbfd3e66aa35e9b2a\tID\n',
    );
    expect(compileFormat('{{range .}}{{.ID}}{{end -}}', spec).render(data)).toBe(
      'c061a0839ef10fc2e110571eb6fab5aa8f4b5cbfd3e66aa35e9b2a',
    );
    expect(compileFormat('ID\t{{.ID}}', spec).render(data.slice(0, 1))).toBe('ID\tc061a0839e\n');
    expect(compileFormat('{{.ID}}', spec).render([])).toBe('');
  });

  it('compiles once and renders any number of times', () => {
    const f = compileFormat('{{.Value}}', spec);
    expect(f.render(data.slice(0, 1))).toBe('one\n');
    expect(f.render(data.slice(1))).toBe('two\nthree\n');
  });

  it('isJsonFormat: json and {{json}} are the JSON document; {{json .}} is a template', () => {
    expect(isJsonFormat('json')).toBe(true);
    expect(isJsonFormat(' json ')).toBe(true);
    expect(isJsonFormat('{{json}}')).toBe(true);
    expect(isJsonFormat('{{ json. }}')).toBe(true);
    expect(isJsonFormat('{{json .}}')).toBe(false);
    expect(isJsonFormat('{{json .ID}}')).toBe(false);
    expect(isJsonFormat('table')).toBe(false);
  });

  it('headerOf splits CamelCase words as Podman (fatih/camelcase)', () => {
    expect(headerOf('Names')).toBe('NAMES');
    expect(headerOf('ImageID')).toBe('IMAGE ID');
    expect(headerOf('CreatedHuman')).toBe('CREATED HUMAN');
    expect(headerOf('PIDNS')).toBe('PIDNS');
    expect(headerOf('HTTPServer')).toBe('HTTP SERVER');
    expect(headerOf('FieldA')).toBe('FIELD A');
    expect(headerOf('Fieldb')).toBe('FIELDB');
  });
});

describe('template: errors are one-line UserErrors', () => {
  it('an unknown field names it and lists the valid ones', () => {
    expect(error('{{.Nope}}', ['ID', 'Name'])).toBe(
      'invalid format template: unknown field .Nope (valid fields: .ID, .Name)',
    );
    expect(error('{{if .Flag}}{{upper .Nope}}{{end}}')).toMatch(/unknown field \.Nope \(valid fields: \.ID, \.Name, /);
    expect(error('table {{.ID}}\t{{.Nope}}')).toMatch(/unknown field \.Nope/);
  });

  it('an unknown nested field lists the fields beside it', () => {
    expect(error('{{.State.Nope}}')).toBe(
      'invalid format template: unknown field .State.Nope (valid fields: .State.Status, .State.Pid, .State.Health)',
    );
  });

  it('malformed templates', () => {
    expect(error('{{.ID')).toBe('invalid format template: unclosed action "{{.ID\\n": add "}}"');
    expect(error('{{.ID}} {{upper .Name')).toMatch(/unclosed action "\{\{upper \.Name\\n"/);
    expect(error('{{foo .ID}}')).toMatch(/^invalid format template: function "foo" is not defined \(known: and, eq, ge, gt, index, join, json, /);
    expect(error('{{if .Flag}}x')).toMatch(/"\{\{if \.Flag\}\}" has no matching \{\{end\}\}/);
    expect(error('{{if .Flag}}x{{else}}y')).toMatch(/has no matching \{\{end\}\} after its \{\{else\}\}/);
    expect(error('x{{end}}')).toMatch(/unexpected "\{\{end\}\}": nothing to end/);
    expect(error('{{printf "%s .ID}}')).toMatch(/unterminated quoted string/);
    expect(error('{{}}')).toMatch(/empty action/);
    expect(error('{{.ID | }}')).toMatch(/missing command after "\|"/);
    expect(error('{{(.ID}}')).toMatch(/unclosed "\("/);
    expect(error('{{.ID)}}')).toMatch(/unexpected "\)"/);
    expect(error('{{/* open }}')).toMatch(/unclosed comment/);
    expect(error('{{template "x"}}')).toMatch(/\{\{template\}\} is not supported/);
    expect(error('{{$x}}')).toMatch(/undefined variable \$x/);
    expect(error('{{"a" .ID}}')).toMatch(/cannot give arguments to a: it is not a function/);
    expect(error('{{.Name.Foo}}')).toMatch(/cannot read field \.Name\.Foo of a value of type string/);
    expect(error('{{range .Name}}{{end}}')).toMatch(/range cannot iterate over a value of type string/);
    expect(error('{{index .List 9}}')).toMatch(/index: index 9 out of range for length 3/);
    expect(error('{{len .N}}')).toMatch(/len: a value of type int has no length/);
  });
});

describe('printf as Go fmt', () => {
  it.each([
    ['%s %d', ['a', 3], 'a 3'],
    ['%-6s|', ['ab'], 'ab    |'],
    ['%6s|', ['ab'], '    ab|'],
    ['%05d', [42], '00042'],
    ['%-5d|', [42], '42   |'],
    ['%q', ['a"b\n'], '"a\\"b\\n"'],
    ['%v %v %v', [[1, 2], true, null], '[1 2] true <nil>'],
    ['%.2f', [3.14159], '3.14'],
    ['%x %X', [255, 'hi'], 'ff 6869'],
    ['%.3s', ['abcdef'], 'abc'],
    ['100%%', [], '100%'],
    ['%d', ['x'], '%!d(string=x)'],
    ['%s', [5], '%!s(int=5)'],
    ['%s %s', ['a'], 'a %!s(MISSING)'],
    ['%s', ['a', 'b'], 'a%!(EXTRA string=b)'],
    ['%+v', [{ A: 1, B: 'x' }], '{A:1 B:x}'],
  ])('%s', (format, args, want) => {
    expect(goSprintf(format, args)).toBe(want);
  });

  it('json as encoding/json: map keys sorted, HTML escaped only when asked', () => {
    expect(goJson({ z: 1, m: goMap({ b: '<', a: '&' }) })).toBe('{"z":1,"m":{"a":"&","b":"<"}}');
    expect(goJson({ m: goMap({ b: '<', a: '&' }) }, { html: true })).toBe('{"m":{"a":"\\u0026","b":"\\u003c"}}');
    expect(goJson(undefined)).toBe('null');
  });
});

describe('tabwriter as Go text/tabwriter (minwidth 12, padding 2)', () => {
  it('pads cells to the widest plus two, never under twelve; the last cell is not padded', () => {
    expect(tabwrite('a46001bfea3a4172b46c173101208244\tRandom\tuuid')).toBe(
      'a46001bfea3a4172b46c173101208244  Random      uuid',
    );
    expect(tabwrite('A\tB\nlong-cell-value-here\tx\n')).toBe('A                     B\nlong-cell-value-here  x\n');
  });

  it('a line with fewer cells ends the column block, as in Go', () => {
    expect(tabwrite('aaaaaaaaaaaaaaaa\tb\nno tabs here\nc\td\n', { minWidth: 0, padding: 1 })).toBe(
      'aaaaaaaaaaaaaaaa b\nno tabs here\nc d\n',
    );
  });

  it('counts characters, not bytes', () => {
    expect(tabwrite('é\tx\nab\ty', { minWidth: 0, padding: 1 })).toBe('é  x\nab y');
  });
});
