import type { Screen } from '../reporters/screen';

/** Where a drill command writes: standard output and error, whether standard error is a terminal, and the screen. */
export interface DrillIo {
  out: (text: string) => void;
  err: (text: string) => void;
  tty: boolean;
  screen: Screen;
}
