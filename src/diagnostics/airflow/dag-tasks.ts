import { z } from 'zod';
import { builtOnce } from '../../util/built-once';
import { parseWith } from './parse';

/** A task of a DAG and the tasks that run after it. */
export interface DagTask {
  taskId: string;
  operator: string | null;
  downstream: string[];
}

const taskCollection = builtOnce(() =>
  z.object({
    tasks: z.array(
      z.object({
        task_id: z.string(),
        downstream_task_ids: z.array(z.string()),
        operator_name: z.string().nullish(),
        class_ref: z.object({ class_name: z.string().nullish() }).partial().nullish(),
      }),
    ),
  }),
);

/** Parses a TaskCollection (v1) or TaskCollectionResponse (v2): each task with its `downstream_task_ids`. */
export function parseDagTasks(body: unknown): DagTask[] {
  const parsed = parseWith(taskCollection(), body, 'tasks');
  return parsed.tasks.map((task) => ({ taskId: task.task_id, operator: task.operator_name ?? task.class_ref?.class_name ?? null, downstream: task.downstream_task_ids }));
}

/** Every task that runs after `from`, following downstream_task_ids transitively. */
export function transitivelyDownstream(tasks: readonly DagTask[], from: string): Set<string> {
  const byId = new Map(tasks.map((task) => [task.taskId, task]));
  const reached = new Set<string>();
  const queue = [...(byId.get(from)?.downstream ?? [])];
  while (queue.length) {
    const next = queue.shift()!;
    if (reached.has(next)) continue;
    reached.add(next);
    queue.push(...(byId.get(next)?.downstream ?? []));
  }
  return reached;
}
