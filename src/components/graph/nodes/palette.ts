/**
 * Colours for what the graph draws on a canvas (pod dots, heatmap cells), read from the theme's CSS
 * variables so canvas and DOM boxes agree in both themes.
 */
export interface CanvasPalette {
  pod: (status: string) => string;
  node: (status: string) => string;
  /** The heatmap's colour at full intensity and its empty cell. */
  heat: string;
  empty: string;
}

const POD_VARS: Record<string, string> = {
  Running: '--ready',
  Pending: '--warning',
  Succeeded: '--component-border',
  Failed: '--danger',
  Terminating: '--terminating',
};
const NODE_VARS: Record<string, string> = { Ready: '--ready', NotReady: '--danger', Unknown: '--unknown' };

export function canvasPalette(element: Element): CanvasPalette {
  const style = getComputedStyle(element);
  const read = (name: string) => style.getPropertyValue(name).trim() || '#888888';
  const cache = new Map<string, string>();
  const colour = (name: string) => cache.get(name) ?? (cache.set(name, read(name)), read(name));
  return {
    pod: (status) => colour(POD_VARS[status] ?? '--muted'),
    node: (status) => colour(NODE_VARS[status] ?? '--unknown'),
    heat: colour('--accent'),
    empty: colour('--panel-raised'),
  };
}
