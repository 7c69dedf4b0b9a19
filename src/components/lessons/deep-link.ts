/** The lesson deep link in the page's hash: `#lesson=<id>&step=<n>`, n counted from 1 as the panel shows it. */
export interface LessonLink {
  lessonId: string;
  /** 0-based step index. */
  step: number;
}

export function parseLessonLink(hash: string): LessonLink | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const lessonId = params.get('lesson');
  if (!lessonId) return undefined;
  const step = Number(params.get('step') ?? '1');
  return { lessonId, step: Number.isInteger(step) && step >= 1 ? step - 1 : 0 };
}

export function formatLessonLink(link: LessonLink): string {
  return `#lesson=${encodeURIComponent(link.lessonId)}&step=${link.step + 1}`;
}
