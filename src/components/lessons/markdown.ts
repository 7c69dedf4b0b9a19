/**
 * The little markdown lesson text uses: paragraphs, bullet and numbered lists, `code` and **bold**.
 * Parsed into data that React renders as elements, so lesson text can never inject HTML.
 */
export type Inline = { kind: 'text' | 'code' | 'bold'; text: string };

export type Block = { kind: 'paragraph'; inlines: Inline[] } | { kind: 'list'; ordered: boolean; items: Inline[][] };

/** `code` first (nothing inside it is markup), then **bold** in what is left. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  const push = (kind: Inline['kind'], t: string) => {
    if (t !== '') out.push({ kind, text: t });
  };
  text.split(/(`[^`]+`)/).forEach((part) => {
    if (/^`[^`]+`$/.test(part)) {
      push('code', part.slice(1, -1));
      return;
    }
    part.split(/(\*\*[^*]+\*\*)/).forEach((piece) => (/^\*\*[^*]+\*\*$/.test(piece) ? push('bold', piece.slice(2, -2)) : push('text', piece)));
  });
  return out;
}

const BULLET = /^\s*[-*]\s+(.*)$/;
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;

/** Blank lines separate blocks; consecutive list lines form one list; other lines join into a paragraph. */
export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const endParagraph = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', inlines: parseInline(paragraph.join(' ')) });
    paragraph = [];
  };
  for (const line of source.split('\n')) {
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    const item = bullet ?? numbered;
    if (item) {
      endParagraph();
      const ordered = numbered !== null;
      const last = blocks.at(-1);
      if (last?.kind === 'list' && last.ordered === ordered) last.items.push(parseInline(item[1] ?? ''));
      else blocks.push({ kind: 'list', ordered, items: [parseInline(item[1] ?? '')] });
    } else if (line.trim() === '') endParagraph();
    else paragraph.push(line.trim());
  }
  endParagraph();
  return blocks;
}
