import { z } from 'zod';
import { builtOnce } from '../util/built-once';

/** A text field that must be there: says so when it is missing. */
const required = (name: string) => z.string({ error: (issue) => (issue.input === undefined ? `${name} is required` : `${name} must be text`) });

/** One acknowledged failure as written in the file. */
export const acknowledgementSchema = builtOnce(() =>
  z.strictObject({
    /** The step whose failure is known: `3.6.n1`, `3.3.2`. */
    step: required('step').regex(/^\d+\.\d+(?:\.[a-z]?\d+)?$/, 'expected a step id such as 3.3.2, 3.6.n1 or 6.2'),
    /** Why the failure is accepted for now, for whoever sees it next. */
    reason: required('reason').trim().min(1, 'reason is required'),
    /** Who answers for it: a person or a team. */
    owner: required('owner').trim().min(1, 'owner is required'),
    /** A date (the acknowledgement lapses at its start, UTC) or an ISO timestamp with a time zone. */
    expires: z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
      error: (issue) => (issue.input === undefined ? 'expires is required' : 'expected a date (YYYY-MM-DD) or an ISO timestamp with a time zone'),
    }),
    /** The one environment it applies to; every environment when left out. */
    environment: z.string().min(1).optional(),
  }),
);

/** The acknowledgements file: a list of reviewed, expiring acknowledgements. */
export const acknowledgementsFileSchema = builtOnce(() =>
  z.strictObject({
    acknowledgements: z.array(acknowledgementSchema()).default([]),
  }),
);
