/** The CLI command that runs one step, as an engineer would type it (`npm run check -- 3.3.1`). */
export function checkCommand(stepId: string, options: { fix?: boolean } = {}): string {
  return `npm run check -- ${stepId}${options.fix ? ' --fix' : ''}`;
}
