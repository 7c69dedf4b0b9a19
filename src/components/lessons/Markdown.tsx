/** Lesson text as React elements (never as HTML). */
import type { Inline } from './markdown';
import { parseMarkdown } from './markdown';

function Inlines({ inlines }: { inlines: Inline[] }) {
  return (
    <>
      {inlines.map((inline, i) => (inline.kind === 'code' ? <code key={i}>{inline.text}</code> : inline.kind === 'bold' ? <strong key={i}>{inline.text}</strong> : <span key={i}>{inline.text}</span>))}
    </>
  );
}

export function Markdown({ source }: { source: string }) {
  return (
    <div className="markdown">
      {parseMarkdown(source).map((block, i) => {
        if (block.kind === 'paragraph') {
          return (
            <p key={i}>
              <Inlines inlines={block.inlines} />
            </p>
          );
        }
        const items = block.items.map((item, j) => (
          <li key={j}>
            <Inlines inlines={item} />
          </li>
        ));
        return block.ordered ? <ol key={i}>{items}</ol> : <ul key={i}>{items}</ul>;
      })}
    </div>
  );
}

/** One line of lesson text (a title, a hint) where only inline markup applies. */
export function InlineMarkdown({ source }: { source: string }) {
  const [block] = parseMarkdown(source);
  return block?.kind === 'paragraph' ? <Inlines inlines={block.inlines} /> : <>{source}</>;
}
