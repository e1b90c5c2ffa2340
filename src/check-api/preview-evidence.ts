import type { Evidence, JsonValue } from '../model';
import type { ActionPreview } from './define-check';
import { evidence } from './verdicts';

/** An action's preview as evidence: the exact calls it will send, and what it expects to change. */
export function previewEvidence(preview: ActionPreview): Evidence[] {
  const calls: JsonValue = preview.calls.map((call) => ({ operation: call.operation, parameters: call.parameters }));
  return [evidence('will send', calls), evidence('expects', preview.expects)];
}
