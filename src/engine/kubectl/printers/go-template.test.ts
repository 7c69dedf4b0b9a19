import { describe, expect, it } from 'vitest';
import { GoTemplate, GoTemplateError, goSprintf } from './go-template';

const data = { metadata: { name: 'web', labels: { app: 'web', 'app.kubernetes.io/name': 'x' } }, spec: { replicas: 3, paused: false }, data: { password: 'aHVudGVyMg==' }, items: [{ n: 'a' }, { n: 'b' }] };

const run = (t: string) => new GoTemplate(t).execute(data);

describe('go-template', () => {
  it('prints fields, missing keys and numbers as Go does', () => {
    expect(run('{{.metadata.name}} {{.spec.replicas}} {{.metadata.nope}}')).toBe('web 3 <no value>');
    expect(run('{{.metadata.labels}}')).toBe('map[app:web app.kubernetes.io/name:x]');
  });

  it('runs range, if/else if/else, with and variables', () => {
    expect(run('{{range $i, $e := .items}}{{$i}}={{$e.n}};{{end}}')).toBe('0=a;1=b;');
    expect(run('{{if .spec.paused}}p{{else if gt .spec.replicas 2.0}}big{{else}}small{{end}}')).toBe('big');
    expect(run('{{with .metadata}}{{.name}}{{end}}')).toBe('web');
    expect(run('{{$n := .metadata.name}}{{range .items}}{{$n}}-{{.n}} {{end}}')).toBe('web-a web-b ');
    expect(run('{{range .missing}}x{{else}}none{{end}}')).toBe('none');
  });

  it('has index, len, printf, eq and base64decode', () => {
    expect(run('{{index .metadata.labels "app.kubernetes.io/name"}} {{len .items}}')).toBe('x 2');
    expect(run('{{printf "%s has %d" .metadata.name .spec.replicas}}')).toBe('web has 3');
    expect(run('{{if eq .metadata.name "web"}}yes{{end}}')).toBe('yes');
    expect(run('{{.data.password | base64decode}}')).toBe('hunter2');
    expect(run('{{- "a" -}}  {{ "b" }}')).toBe('ab');
  });

  it('reports errors', () => {
    expect(() => new GoTemplate('{{.a')).toThrow(GoTemplateError);
    expect(() => new GoTemplate('{{nosuch .a}}')).toThrow('function "nosuch" not defined');
    expect(() => run('{{.metadata.nope.deeper}}')).toThrow('nil pointer evaluating interface {}.deeper');
  });

  it('formats printf verbs', () => {
    expect(goSprintf('%5s|%-4d|%q', ['ab', 7, 'x'])).toBe('   ab|7   |"x"');
  });
});
