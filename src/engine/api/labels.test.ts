import { describe, expect, it } from 'vitest';
import { formatSelector, fromLabelSelector, matches, parseSelector } from './labels';

describe('label selectors', () => {
  it.each([
    ['app=web', { app: 'web' }, true],
    ['app==web', { app: 'db' }, false],
    ['app!=web', {}, true],
    ['env in (prod, staging),tier', { env: 'prod', tier: 'x' }, true],
    ['env notin (prod)', { env: 'prod' }, false],
    ['!canary', { canary: 'true' }, false],
    ['replicas>2', { replicas: '3' }, true],
    ['example.com/team=a', { 'example.com/team': 'a' }, true],
  ])('%s against %j → %s', (selector, labels, expected) => {
    expect(matches(parseSelector(selector), labels)).toBe(expected);
  });

  it.each([
    ['app in (web', "unable to parse requirement: found '', expected: ',' or ')'"],
    ['app in web', "unable to parse requirement: found 'web' expected: '('"],
    ['app=web,', "found '', expected: identifier after ','"],
    ['=web', "found '=', expected: !, identifier, or 'end of string'"],
    ['app web', "unable to parse requirement: found 'web', expected: '=', '!=', '==', 'in', notin'"],
    ['app=web x=y', "found 'x', expected: ',' or 'end of string'"],
  ])('rejects %j with apimachinery\'s message', (selector, message) => {
    expect(() => parseSelector(selector)).toThrow(message);
  });

  it('converts and prints manifest selectors as kubectl shows them', () => {
    const selector = fromLabelSelector({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['b', 'a'] }] });
    expect(formatSelector(selector)).toBe('app=web,tier in (a,b)');
  });
});
