/**
 * Random JSONPath templates and label selectors: each either works or fails with the parser's own
 * error (which kubectl turns into its message); nothing else may be thrown, and nothing hangs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonPath, JsonPathError, executeJsonPath } from './jsonpath';
import { SelectorParseError, parseSelector } from '../../api/labels';

const DATA = { kind: 'List', items: [{ metadata: { name: 'a', labels: { app: 'web' } }, spec: { nodeName: 'kind-worker' }, status: { podIP: '10.244.1.2' } }, { metadata: { name: 'b' }, status: {} }] };

describe('parser fuzzing', () => {
  it('JSONPath templates parse and run, or fail with JsonPathError', () => {
    const token = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('{', '}', '.', '[', ']', '*', '@', '?(', ')', '==', '"', "'", 'range', 'end', '.items', '.metadata.name', '[0]', '[-1:]', '..', '$', '\\n', ','));
    fc.assert(
      fc.property(fc.array(token, { maxLength: 12 }), (parts) => {
        const template = parts.join('');
        try {
          executeJsonPath(new JsonPath(template), DATA);
        } catch (e) {
          expect(e).toBeInstanceOf(JsonPathError);
        }
      }),
      { numRuns: 2000, seed: 3 },
    );
  });

  it('label selectors parse or fail with SelectorParseError', () => {
    const token = fc.oneof(fc.string({ maxLength: 5 }), fc.constantFrom('app', '=', '==', '!=', ' in ', ' notin ', '(', ')', ',', '!', 'a.b/c', '-', '_', ' '));
    fc.assert(
      fc.property(fc.array(token, { maxLength: 10 }), (parts) => {
        try {
          parseSelector(parts.join(''));
        } catch (e) {
          expect(e).toBeInstanceOf(SelectorParseError);
        }
      }),
      { numRuns: 2000, seed: 4 },
    );
  });
});
