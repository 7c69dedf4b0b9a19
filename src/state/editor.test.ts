import { beforeEach, describe, expect, it } from 'vitest';
import { useEditor } from './editor';

const state = () => useEditor.getState();

describe('editor tabs', () => {
  beforeEach(() => useEditor.setState({ tabs: [], activeId: undefined }));

  it('numbers drafts and opens each file once', () => {
    state().openDraft('a');
    state().openDraft('b');
    state().openFile('/home/learner/pod.yaml', 'kind: Pod\n');
    state().openFile('/home/learner/pod.yaml', 'kind: Pod\n');
    expect(state().tabs.map((t) => t.title)).toEqual(['Untitled-1', 'Untitled-2', 'pod.yaml']);
    expect(state().activeId).toBe(state().tabs[2]?.id);
  });

  it('refreshes a reopened file without unsaved edits, and keeps unsaved edits otherwise', () => {
    state().openFile('/tmp/a.yaml', 'one\n');
    const id = state().tabs[0]?.id ?? '';
    state().openFile('/tmp/a.yaml', 'two\n');
    expect(state().tabs[0]).toMatchObject({ text: 'two\n', savedText: 'two\n' });
    state().setText(id, 'edited\n');
    state().openFile('/tmp/a.yaml', 'three\n');
    expect(state().tabs[0]).toMatchObject({ text: 'edited\n', savedText: 'two\n' });
  });

  it('names a saved draft after its file, and activates a neighbour when the active tab closes', () => {
    state().openDraft('x');
    state().openDraft('y');
    const [first, second] = state().tabs;
    state().saved(second?.id ?? '', '/home/learner/web.yaml', 'y');
    expect(state().tabs[1]).toMatchObject({ title: 'web.yaml', path: '/home/learner/web.yaml', savedText: 'y' });
    state().close(second?.id ?? '');
    expect(state().activeId).toBe(first?.id);
    state().close(first?.id ?? '');
    expect(state()).toMatchObject({ tabs: [], activeId: undefined });
  });
});
