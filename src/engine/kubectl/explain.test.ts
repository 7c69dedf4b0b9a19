import { describe, expect, it } from 'vitest';
import { explain, wrapString } from './explain';

describe('wrapString (go-wordwrap)', () => {
  it('breaks at the last space that keeps a line within the limit', () => {
    expect(wrapString('aaa bbb ccc', 7)).toBe('aaa bbb\nccc');
    expect(wrapString('aaa bbb ccc', 8)).toBe('aaa bbb\nccc');
  });
  it('keeps a word longer than the limit whole, and keeps the text\'s own newlines', () => {
    expect(wrapString('a https://example.com/long b', 6)).toBe('a\nhttps://example.com/long\nb');
    expect(wrapString('one\ntwo three', 5)).toBe('one\ntwo\nthree');
  });
});

const doc = {
  paths: { '/api/v1/namespaces/{namespace}/widgets': { get: { 'x-kubernetes-group-version-kind': { group: '', version: 'v1', kind: 'Widget' } } } },
  components: {
    schemas: {
      'io.k8s.api.core.v1.Widget': {
        description: 'A widget.',
        type: 'object',
        required: ['size'],
        properties: { size: { type: 'integer', description: 'How big.' }, parts: { type: 'array', description: 'Its parts.', items: { $ref: '#/components/schemas/io.k8s.api.core.v1.Part' } } },
        'x-kubernetes-group-version-kind': [{ group: '', kind: 'Widget', version: 'v1' }],
      },
      'io.k8s.api.core.v1.Part': { description: 'One part.', type: 'object', properties: { name: { type: 'string', enum: ['a', 'b'] } } },
    },
  },
};
const request = { group: '', version: 'v1', resource: 'widgets', recursive: false };

describe('explain', () => {
  it('prints the kind, its description and its fields, sorted, with types and -required-', () => {
    expect(explain(doc, { ...request, fieldPath: [] }).out).toBe(
      'KIND:       Widget\nVERSION:    v1\n\nDESCRIPTION:\n    A widget.\n    \nFIELDS:\n  parts\t<[]Part>\n    Its parts.\n\n  size\t<integer> -required-\n    How big.\n\n\n',
    );
  });
  it('follows a field into a list, joining the field and item descriptions, with enums', () => {
    expect(explain(doc, { ...request, fieldPath: ['parts'] }).out).toBe(
      'KIND:       Widget\nVERSION:    v1\n\nFIELD: parts <[]Part>\n\n\nDESCRIPTION:\n    Its parts.\n    One part.\n    \nFIELDS:\n  name\t<string>\n  enum: a, b\n    <no description>\n\n\n',
    );
  });
  it('lists names only with --recursive', () => {
    expect(explain(doc, { ...request, recursive: true, fieldPath: [] }).out).toContain('FIELDS:\n  parts\t<[]Part>\n    name\t<string>\n    enum: a, b\n  size\t<integer> -required-\n');
  });
  it('fails on a field that does not exist, after the header', () => {
    expect(explain(doc, { ...request, fieldPath: ['parts', 'nmae'] })).toEqual({ out: 'KIND:       Widget\nVERSION:    v1\n\n', error: 'error: field "nmae" does not exist' });
  });
});
