/** The lessons panel's pure parts: its markdown, the deep link, and saved progress. */
import { describe, expect, it } from 'vitest';
import { formatLessonLink, parseLessonLink } from './deep-link';
import { parseInline, parseMarkdown } from './markdown';

describe('lesson markdown', () => {
  it('splits code and bold, and leaves markup inside code alone', () => {
    expect(parseInline('Run `kubectl get **pods**` then **wait**.')).toEqual([
      { kind: 'text', text: 'Run ' },
      { kind: 'code', text: 'kubectl get **pods**' },
      { kind: 'text', text: ' then ' },
      { kind: 'bold', text: 'wait' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('keeps HTML as plain text', () => {
    expect(parseInline('<img src=x onerror=alert(1)>')).toEqual([{ kind: 'text', text: '<img src=x onerror=alert(1)>' }]);
  });

  it('makes paragraphs from blank-line-separated text and lists from list lines', () => {
    expect(parseMarkdown('One\nline.\n\n- a\n- `b`\n1. first\n2. second\nAfter')).toEqual([
      { kind: 'paragraph', inlines: [{ kind: 'text', text: 'One line.' }] },
      { kind: 'list', ordered: false, items: [[{ kind: 'text', text: 'a' }], [{ kind: 'code', text: 'b' }]] },
      { kind: 'list', ordered: true, items: [[{ kind: 'text', text: 'first' }], [{ kind: 'text', text: 'second' }]] },
      { kind: 'paragraph', inlines: [{ kind: 'text', text: 'After' }] },
    ]);
  });
});

describe('lesson deep link', () => {
  it('reads the lesson and the 1-based step', () => {
    expect(parseLessonLink('#lesson=02-kind-hands-on&step=3')).toEqual({ lessonId: '02-kind-hands-on', step: 2 });
    expect(parseLessonLink('#lesson=02-kind-hands-on')).toEqual({ lessonId: '02-kind-hands-on', step: 0 });
    expect(parseLessonLink('#lesson=x&step=zero')).toEqual({ lessonId: 'x', step: 0 });
    expect(parseLessonLink('')).toBeUndefined();
  });

  it('round-trips', () => {
    expect(formatLessonLink({ lessonId: '09-node-failure', step: 4 })).toBe('#lesson=09-node-failure&step=5');
    expect(parseLessonLink(formatLessonLink({ lessonId: '09-node-failure', step: 4 }))).toEqual({ lessonId: '09-node-failure', step: 4 });
  });
});
