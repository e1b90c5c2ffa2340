import type { Drill } from '../drill/catalog';
import { toolGuides } from '../drill/tools';

/** The course's drill page (docs/onboarding/drills.md): every drill easiest first, with its alert, tool and start command; never a hint or a cause. */
export function buildDrillsPage(drills: readonly Drill[]): string {
  const sections = drills.flatMap((drill, index) => [
    `## ${index + 1}. \`${drill.name}\` (${drill.briefing.difficulty})`,
    '',
    `**Alert.** ${drill.briefing.alert}`,
    '',
    `**Start with** ${toolGuides[drill.briefing.startWith].label}.`,
    '',
    '```sh',
    `npm run drill -- ${drill.name} --write-env /tmp/drill.env`,
    '```',
    '',
  ]);
  return [
    '---',
    'title: Drills',
    'sidebar_position: 3',
    '---',
    '',
    '<!-- Generated from the worlds\' briefings by `npm run docs:onboarding`; edit the briefings in src/sandbox/worlds/*/world.json, not this page. -->',
    '',
    '# Drills, easiest first',
    '',
    'Each drill stages one incident in the sandbox and hands you the alert an on-call engineer would get.',
    'Start it, load its settings in a second shell (`set -a; . /tmp/drill.env; set +a`), investigate with the',
    'tool it names, then answer with the runbook step where you found the problem:',
    '',
    '```sh',
    'npm run drill -- hint                                  # the next hint: first the scenario, last the step',
    'npm run drill -- answer --step 3.1.3 --cause corrupt-json',
    '```',
    '',
    '`--cause` is needed only where the step\'s scenario lists common causes (3.1). The answer is graded, the',
    'evidence you should have seen is shown, and the attempt (time, hints, result) is kept in',
    '`.runbook/drills/attempts.jsonl`; `npm run drill` lists the drills with your last result.',
    '',
    ...sections,
  ].join('\n');
}
