/** What a check module needs: `defineCheck`, the context type and the verdict helpers. */
export * from './define-check';
export * from './context';
export { createRunMemo, type Memo, type MemoKey, type RunMemo } from './run-memo';
export * from './verdicts';
export { notConfigured } from './not-configured';
export { combineVerdicts, type SubjectVerdict } from './combine';
export { previewEvidence } from './preview-evidence';
