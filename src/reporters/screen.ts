import pc from 'picocolors';

/** Where terminal output goes: whether it may use colour, and how wide it is. */
export interface Screen {
  color: boolean;
  width: number;
  /** True on an interactive terminal: progress may be drawn live, in place. */
  live?: boolean;
}

/** Colour functions that do nothing when the screen has no colour. */
export function palette(screen: Screen) {
  const colors = pc.createColors(screen.color);
  return { red: colors.red, green: colors.green, yellow: colors.yellow, gray: colors.gray, bold: colors.bold, cyan: colors.cyan, magenta: colors.magenta, dim: colors.dim };
}

/** Cuts text to a width, marking the cut with an ellipsis. */
export function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, Math.max(0, width - 1))}…`;
}
