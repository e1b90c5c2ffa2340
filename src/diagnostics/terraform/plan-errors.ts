/** What a document given where a plan is expected turned out to be. */
export type PlanDocumentKind = 'plan' | 'state' | 'state-file' | 'ui-stream' | 'unknown';

/** The commands that write the document the plan checks read. */
export const makePlanCommand = 'terraform plan -out tfplan && terraform show -json tfplan';

/** Raised for input that is not a `terraform show -json` plan of a format this parser reads. */
export class PlanFormatError extends Error {
  override name = 'PlanFormatError';
  constructor(
    message: string,
    readonly formatVersion: string | null,
    readonly issues: string[] = [],
  ) {
    super(message);
  }
}

const described: Record<Exclude<PlanDocumentKind, 'plan'>, (json: Record<string, unknown>) => string> = {
  state: (json) => `a Terraform state document (\`terraform show -json\` without a plan file, format ${String(json.format_version)}): it shows what exists, not what a plan would change`,
  'state-file': (json) => `a raw Terraform state file (terraform.tfstate, version ${String(json.version)}), not a plan`,
  'ui-stream': () => 'the `terraform plan -json` UI stream (JSON lines of log messages), not a saved plan',
  unknown: () => 'JSON that is neither a plan nor a state document (no format_version with planned_values or resource_changes)',
};

/** Raised for a state document, a state file or the `terraform plan -json` stream given where a plan is expected; says how to make a plan. */
export class NotAPlanError extends PlanFormatError {
  override name = 'NotAPlanError';
  constructor(
    readonly found: Exclude<PlanDocumentKind, 'plan'>,
    readonly input: string,
    json: unknown,
  ) {
    const fields = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
    super(`${input} is ${described[found](fields)}; expected the JSON of a saved plan: ${makePlanCommand}`, typeof fields.format_version === 'string' ? fields.format_version : null);
  }
}
