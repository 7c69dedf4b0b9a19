/**
 * The lessons area: the lesson list with each lesson's progress, and the open lesson's steps with
 * check marks that tick as the worker's checks pass (the panel computes no Kubernetes semantics).
 * Progress and the language are saved; the URL hash links to a lesson step.
 */
import { useEffect, useRef, useState } from 'react';
import type { EngineClient } from '../../bridge/engine-client';
import { LESSONS } from '../../lessons';
import type { Language, Lesson } from '../../lessons/types';
import { useLesson } from '../../state/lesson';
import { formatLessonLink, parseLessonLink } from './deep-link';
import { useProgress } from '../../state/progress';
import type { SavedProgress } from '../../storage/records';
import { StepDetail } from './StepDetail';
import { LANGUAGES, strings } from './strings';

function LanguageSwitch({ language, onChange }: { language: Language; onChange: (language: Language) => void }) {
  return (
    <div className="language-switch" role="group" aria-label={`${strings('en').language} / ${strings('ko').language}`}>
      {LANGUAGES.map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={language === l} onClick={() => onChange(l)}>
          {strings(l).languageName}
        </button>
      ))}
    </div>
  );
}

function LessonList({ saved, language, onOpen }: { saved: SavedProgress; language: Language; onOpen: (lesson: Lesson) => void }) {
  const t = strings(language);
  return (
    <ul className="lesson-list" aria-label={t.list}>
      {LESSONS.map((lesson) => {
        const done = Math.min(saved.done[lesson.id] ?? 0, lesson.steps.length);
        return (
          <li key={lesson.id}>
            <div className="lesson-card">
              <h3>{lesson.title[language]}</h3>
              <p className="summary">{lesson.summary[language]}</p>
              <p className="meta">
                <span>{t.minutes(lesson.minutes)}</span> · <span>{t.stepsDone(done, lesson.steps.length)}</span>
              </p>
              <progress max={lesson.steps.length} value={done} aria-label={`${lesson.title[language]}: ${t.stepsDone(done, lesson.steps.length)}`} />
            </div>
            <button type="button" className="primary" aria-label={`${done > 0 ? t.continue : t.start}: ${lesson.title[language]}`} onClick={() => onOpen(lesson)}>
              {done > 0 ? t.continue : t.start}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

function LessonView({ engine, lesson, language }: { engine: EngineClient; lesson: Lesson; language: Language }) {
  const t = strings(language);
  const current = useLesson((s) => s.current);
  const steps = useLesson((s) => s.steps);
  // The panel is short at 1280x720: bring the step the learner is on into view as it changes.
  const currentRow = useRef<HTMLLIElement>(null);
  useEffect(() => {
    currentRow.current?.scrollIntoView({ block: 'start' });
  }, [current]);
  // The step the learner opened holds until a step is done; then the new current step opens.
  const [picked, setPicked] = useState<{ step: number; atCurrent: number } | undefined>(undefined);
  const open = picked && picked.atCurrent === current ? picked.step : current;
  const setOpen = (step: number) => setPicked({ step, atCurrent: current });
  const total = lesson.steps.length;
  return (
    <div className="lesson-view">
      <div className="lesson-head">
        <h3>{lesson.title[language]}</h3>
        <p className="meta" aria-live="polite">
          {t.stepsDone(Math.min(current, total), total)} · {t.minutes(lesson.minutes)}
        </p>
        <progress max={total} value={Math.min(current, total)} aria-label={t.stepsDone(Math.min(current, total), total)} />
      </div>
      <ol className="lesson-steps">
        {lesson.steps.map((step, i) => {
          const state = i < current ? 'done' : i === current ? 'current' : 'todo';
          return (
            <li key={step.id} ref={i === current ? currentRow : undefined} className={`step step-${state}`} data-status={state}>
              <button type="button" className="step-title" aria-expanded={open === i} aria-current={i === current ? 'step' : undefined} aria-label={`${t.step(i + 1)}: ${step.title[language]} (${t.status[state]})`} onClick={() => setOpen(open === i ? -1 : i)}>
                <span className="mark" aria-hidden="true">
                  {state === 'done' ? '✓' : state === 'current' ? '▸' : '○'}
                </span>
                <span>
                  {t.step(i + 1)}. {step.title[language]}
                </span>
              </button>
              {open === i ? <StepDetail engine={engine} step={step} index={i} reached={i <= current} done={i < current} status={steps[i]} language={language} /> : null}
            </li>
          );
        })}
      </ol>
      {current >= total ? (
        <p className="lesson-complete" role="status">
          {t.complete}
        </p>
      ) : null}
      <div className="lesson-foot">
        <button type="button" title={t.resetNote} onClick={() => engine.startLesson(lesson.id, 0)}>
          {t.reset}
        </button>
      </div>
    </div>
  );
}

export function LessonsPanel({ engine }: { engine: EngineClient }) {
  const saved = useProgress((s) => s.progress);
  const language = useLesson((s) => s.language);
  const runningId = useLesson((s) => s.lessonId);
  const lesson = LESSONS.find((l) => l.id === runningId);

  // Steps done are saved, and the URL links to the step the learner is on.
  useEffect(
    () =>
      useLesson.subscribe((state, previous) => {
        const running = LESSONS.find((l) => l.id === state.lessonId);
        if (!running || (state.lessonId === previous.lessonId && state.current === previous.current)) return;
        useProgress.getState().setDone(running.id, state.current);
        window.history.replaceState(null, '', formatLessonLink({ lessonId: running.id, step: Math.min(state.current, running.steps.length - 1) }));
      }),
    [],
  );

  // First render: the lesson step the URL links to (unless the restored lab is already running it).
  useEffect(() => {
    const link = parseLessonLink(window.location.hash);
    const linked = link && LESSONS.find((l) => l.id === link.lessonId);
    if (link && linked && useLesson.getState().lessonId !== linked.id) engine.startLesson(linked.id, Math.min(link.step, linked.steps.length));
    // Only once per page: later hash edits come from the panel itself.
     
  }, [engine]);

  const setLanguage = (l: Language) => {
    useLesson.getState().setLanguage(l);
    useProgress.getState().setLanguage(l);
  };

  const close = () => {
    engine.stopLesson();
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
  };

  return (
    <div className="lessons-panel" lang={language}>
      <div className="lessons-toolbar">
        {lesson ? (
          <button type="button" className="link" onClick={close}>
            ← {strings(language).allLessons}
          </button>
        ) : null}
        <LanguageSwitch language={language} onChange={setLanguage} />
      </div>
      {lesson ? <LessonView key={lesson.id} engine={engine} lesson={lesson} language={language} /> : <LessonList saved={saved} language={language} onOpen={(l) => engine.startLesson(l.id, Math.min(saved.done[l.id] ?? 0, l.steps.length))} />}
    </div>
  );
}
