import { readCurrentDrill } from './state';

/**
 * While a drill is open (started and not yet answered), the text to show instead of world names and
 * descriptions, which state the drill's cause; null when no drill is open.
 */
export function drillSecrecy(root: string): string | null {
  let drill: string | undefined;
  try {
    drill = readCurrentDrill(root)?.drill;
  } catch {
    drill = 'in progress';
  }
  return drill ? `(hidden while drill ${drill} is open: answer it with npm run drill -- answer --step ID)` : null;
}
