/** The lessons panel's own words (its chrome) in both lesson languages. */
import type { Language } from '../../lessons/types';

const EN = {
  languageName: 'English',
  language: 'Language',
  list: 'Lesson list',
  allLessons: 'All lessons',
  start: 'Start',
  continue: 'Continue',
  stepsDone: (done: number, total: number) => `${done} / ${total} steps done`,
  minutes: (m: number) => `about ${m} min`,
  step: (n: number) => `Step ${n}`,
  status: { done: 'done', current: 'current', todo: 'not done yet' },
  reset: "Reset to the lesson's start",
  resetNote: 'Starts a fresh cluster for this lesson; what you did in it is lost.',
  commands: 'Commands',
  paste: (command: string) => `Paste into the terminal: ${command}`,
  pasteLabel: 'Paste',
  showMe: 'Show me',
  showMeNote: 'Runs this step for you in the terminal.',
  openFile: (file: string) => `Open ${file} in the editor`,
  checking: 'Checking…',
  stillToDo: 'Still to do:',
  hint: 'Hint',
  wentWrong: 'Something is off',
  predict: 'Predict first',
  right: 'Right.',
  wrong: (answer: string) => `Not quite: the answer is “${answer}”.`,
  skip: 'Skip the question',
  explanation: 'What happened',
  stepDone: 'Step done.',
  complete: 'Lesson complete. Well done!',
} as const;

type Strings = { [K in keyof typeof EN]: (typeof EN)[K] extends (...args: infer A) => string ? (...args: A) => string : (typeof EN)[K] extends string ? string : { [S in keyof (typeof EN)[K]]: string } };

const KO: Strings = {
  languageName: '한국어',
  language: '언어',
  list: '레슨 목록',
  allLessons: '레슨 목록',
  start: '시작',
  continue: '이어서 하기',
  stepsDone: (done, total) => `${total}단계 중 ${done}단계 완료`,
  minutes: (m) => `약 ${m}분`,
  step: (n) => `${n}단계`,
  status: { done: '완료', current: '진행 중', todo: '아직 안 함' },
  reset: '레슨 처음 상태로 되돌리기',
  resetNote: '이 레슨용 클러스터를 새로 시작합니다. 그 안에서 한 작업은 사라집니다.',
  commands: '명령어',
  paste: (command) => `터미널에 붙여넣기: ${command}`,
  pasteLabel: '붙여넣기',
  showMe: '실행해서 보여 주기',
  showMeNote: '이 단계를 터미널에서 대신 실행합니다.',
  openFile: (file) => `${file} 편집기에서 열기`,
  checking: '확인하는 중…',
  stillToDo: '남은 일:',
  hint: '힌트',
  wentWrong: '뭔가 잘못됐어요',
  predict: '먼저 예측해 보세요',
  right: '맞았습니다.',
  wrong: (answer) => `아쉽네요. 정답은 “${answer}”입니다.`,
  skip: '질문 건너뛰기',
  explanation: '무슨 일이 있었나',
  stepDone: '단계 완료.',
  complete: '레슨을 마쳤습니다. 수고하셨어요!',
};

export const LANGUAGES: readonly Language[] = ['en', 'ko'];

export function strings(language: Language): Strings {
  return language === 'ko' ? KO : EN;
}
