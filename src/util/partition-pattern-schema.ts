import { z } from 'zod';
import { parseDatePartitionPattern, partitionPatternSyntax } from './date-partition';

/** A date partition layout of S3 keys (`day=YYYY-MM-DD/`), checked when the configuration loads. */
export const partitionPatternSchema = z.string().refine(
  (text) => {
    try {
      parseDatePartitionPattern(text);
      return true;
    } catch {
      return false;
    }
  },
  { message: `expected ${partitionPatternSyntax}` },
);
