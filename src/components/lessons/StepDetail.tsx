/**
 * One step, opened: its text, the prediction question before its big moment, its commands (paste
 * or "Show me"), its files, and what the worker's checks say: what is missing, hints and fails
 * while they hold, and the explanation once the step is done.
 */
import { useState } from 'react';
import type { EngineClient } from '../../bridge/engine-client';
import type { LessonStepStatus } from '../../engine/protocol';
import type { Language, Step } from '../../lessons/types';
import { pasteIntoTerminal } from '../../state/terminal-paste';
import { InlineMarkdown, Markdown } from './Markdown';
import { strings } from './strings';

interface StepDetailProps {
  engine: EngineClient;
  step: Step;
  index: number;
  /** Whether the learner has reached this step (it is the current one or done). */
  reached: boolean;
  done: boolean;
  status: LessonStepStatus | undefined;
  language: Language;
}

function Prediction({ step, language }: { step: Step; language: Language }) {
  const t = strings(language);
  const [chosen, setChosen] = useState<number | 'skipped' | undefined>(undefined);
  const predict = step.predict;
  if (!predict) return null;
  const answer = predict.choices[predict.answer]?.[language] ?? '';
  return (
    <fieldset className="prediction">
      <legend>{t.predict}</legend>
      <p>
        <InlineMarkdown source={predict.question[language]} />
      </p>
      <div className="choices">
        {predict.choices.map((choice, i) => (
          <button key={i} type="button" aria-pressed={chosen === i} disabled={chosen !== undefined} onClick={() => setChosen(i)}>
            <InlineMarkdown source={choice[language]} />
          </button>
        ))}
      </div>
      {chosen === undefined ? (
        <button type="button" className="link" onClick={() => setChosen('skipped')}>
          {t.skip}
        </button>
      ) : chosen === 'skipped' ? null : (
        <p role="status" className={chosen === predict.answer ? 'right' : 'wrong'}>
          {chosen === predict.answer ? t.right : t.wrong(answer)}
        </p>
      )}
    </fieldset>
  );
}

export function StepDetail({ engine, step, index, reached, done, status, language }: StepDetailProps) {
  const t = strings(language);
  return (
    <div className="step-detail">
      <Markdown source={step.text[language]} />
      {step.predict && !done ? <Prediction step={step} language={language} /> : null}
      {step.commands?.length ? (
        <div className="step-commands" role="group" aria-label={t.commands}>
          {step.commands.map((command) => (
            <div key={command} className="command">
              <code>{command}</code>
              <button type="button" aria-label={t.paste(command)} title={t.paste(command)} onClick={() => pasteIntoTerminal(command)}>
                {t.pasteLabel}
              </button>
            </div>
          ))}
        </div>
      ) : null}
      <div className="step-actions">
        {(step.files ?? []).map((file, i) => (
          <button key={file.path} type="button" onClick={() => engine.send({ type: 'lesson.openFile', step: index, file: i })}>
            {t.openFile(file.path)}
          </button>
        ))}
        {reached && !done ? (
          <button type="button" title={t.showMeNote} onClick={() => engine.send({ type: 'lesson.showMe', step: index })}>
            {t.showMe}
          </button>
        ) : null}
      </div>
      {reached && !done ? (
        <div className="step-check" aria-live="polite">
          {status?.missing ? (
            <p className="missing">
              <span className="label">{t.stillToDo}</span> {status.missing[language]}
            </p>
          ) : (
            <p className="missing">{t.checking}</p>
          )}
          {status?.hints.map((h) => (
            <p key={`hint-${h}`} className="hint" role="note">
              <span className="label">{t.hint}:</span> <InlineMarkdown source={step.hints?.[h]?.text[language] ?? ''} />
            </p>
          ))}
          {status?.fails.map((f) => (
            <p key={`fail-${f}`} className="fail" role="alert">
              <span className="label">{t.wentWrong}:</span> <InlineMarkdown source={step.fails?.[f]?.text[language] ?? ''} />
            </p>
          ))}
        </div>
      ) : null}
      {done ? (
        <div className="step-explain" role="status">
          <p className="label">{t.stepDone}</p>
          {step.explain ? (
            <>
              <h5>{t.explanation}</h5>
              <Markdown source={step.explain[language]} />
            </>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
