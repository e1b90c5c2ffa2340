import type { GlueJob } from '../glue/state';
import type { S3State } from '../s3/state';
import type { GlueProgram } from './schema';

/** How a Glue job run ends when it runs now: its state, error message, and the lines it writes to its error log. */
export interface GlueOutcome {
  state: 'SUCCEEDED' | 'FAILED';
  errorMessage?: string;
  /** `/aws-glue/jobs/error` lines (Spark's driver log). */
  errorLog: string[];
  /** `/aws-glue/jobs/output` lines. */
  outputLog: string[];
}

/** DPUs per worker by worker type, from AWS's published table. */
const dpusPerWorker: Record<string, number> = { 'G.025X': 0.25, 'G.1X': 1, 'G.2X': 2, 'G.4X': 4, 'G.8X': 8, 'Z.2X': 2, Standard: 1 };

/** The capacity a job runs with, in DPUs: MaxCapacity, or its workers times their size. */
export function jobDpus(job: GlueJob): number {
  if (job.MaxCapacity) return job.MaxCapacity;
  return (job.NumberOfWorkers ?? 0) * (dpusPerWorker[job.WorkerType ?? ''] ?? 1);
}

function parseS3Url(url: string): { bucket: string; prefix: string } | null {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(url);
  return match ? { bucket: match[1]!, prefix: match[2]! } : null;
}

const failed = (errorMessage: string, errorLog: string[], outputLog: string[] = []): GlueOutcome => ({ state: 'FAILED', errorMessage, errorLog, outputLog });

/** The script must be in S3, as Glue downloads it before anything runs. */
function missingScript(job: GlueJob, s3: S3State): GlueOutcome | null {
  const script = parseS3Url(job.Command.ScriptLocation);
  if (script && s3.buckets.get(script.bucket)?.objects.has(script.prefix)) return null;
  const message = `Failed to download script ${job.Command.ScriptLocation}: The specified key does not exist. (Service: Amazon S3; Status Code: 404; Error Code: NoSuchKey)`;
  return failed(message, [`ERROR GlueJobRunner: ${message}`]);
}

/** The first line of the input that is not a JSON object, by key and line number. */
function firstMalformedLine(objects: ReadonlyArray<{ key: string; text: string }>): { key: string; line: number; text: string } | null {
  for (const { key, text } of objects) {
    const lines = text.split('\n');
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index]!.trim();
      if (!line) continue;
      try {
        const value: unknown = JSON.parse(line);
        if (value === null || typeof value !== 'object' || Array.isArray(value)) return { key, line: index + 1, text: line };
      } catch {
        return { key, line: index + 1, text: line };
      }
    }
  }
  return null;
}

/** The first selected field a record lacks, with the fields that record has (Spark suggests them). */
function firstUnresolvedField(objects: ReadonlyArray<{ text: string }>, selects: readonly string[]): { field: string; present: string[] } | null {
  for (const { text } of objects) {
    for (const line of text.split('\n').filter((l) => l.trim())) {
      let record: Record<string, unknown>;
      try {
        record = JSON.parse(line) as Record<string, unknown>;
      } catch {
        continue;
      }
      const field = selects.find((name) => !(name in record));
      if (field) return { field, present: Object.keys(record) };
    }
  }
  return null;
}

/**
 * Runs a Glue job's program against the world as it is now: the script must exist, the input must fit the
 * driver's memory, parse as JSON lines (in FAILFAST mode) and carry every field the script selects.
 */
export function evaluateGlueJob(job: GlueJob, program: GlueProgram | undefined, args: Readonly<Record<string, string>>, s3: S3State): GlueOutcome {
  const noScript = missingScript(job, s3);
  if (noScript) return noScript;
  const inputUrl = program?.input ? args[program.input] : undefined;
  if (!program || !inputUrl) return { state: 'SUCCEEDED', errorLog: [], outputLog: ['Job completed'] };
  const location = parseS3Url(inputUrl);
  const bucket = location ? s3.buckets.get(location.bucket) : undefined;
  const reading = `Reading ${inputUrl} as JSON lines (mode ${program.mode})`;
  if (!location || !bucket) return failed(`An error occurred while calling o87.load. Path does not exist: ${inputUrl}`, [`AnalysisException: [PATH_NOT_FOUND] Path does not exist: ${inputUrl}.`], [reading]);
  const keys = [...bucket.objects.keys()].filter((key) => key.startsWith(location.prefix));
  const dpus = jobDpus(job);
  if (program.inputObjectsPerDpu && keys.length > dpus * program.inputObjectsPerDpu) {
    return failed('Command Failed with Exit Code 1', [
      `WARN DriverPlanner: listing ${keys.length} input files with ${dpus} DPU`,
      '# java.lang.OutOfMemoryError: Java heap space',
      'ERROR ApplicationMaster: User class threw exception: java.lang.OutOfMemoryError: Java heap space',
    ], [reading]);
  }
  const objects = keys.map((key) => ({ key, text: bucket.objects.get(key)!.read().toString('utf8') }));
  const malformed = program.mode === 'FAILFAST' ? firstMalformedLine(objects) : null;
  if (malformed) {
    const spark = "org.apache.spark.SparkException: Malformed records are detected in record parsing. Parse Mode: FAILFAST. To process malformed records as null result, try setting the option 'mode' as 'PERMISSIVE'.";
    return failed(`An error occurred while calling o112.pyWriteDynamicFrame. Job aborted due to stage failure: ${spark}`, [
      `WARN TaskSetManager: Lost task 0.0 in stage 2.0: ${spark}`,
      `Caused by: com.fasterxml.jackson.core.JsonParseException: malformed JSON in s3://${location.bucket}/${malformed.key} line ${malformed.line}: ${malformed.text.slice(0, 80)}`,
      'ERROR TaskSetManager: Task 0 in stage 2.0 failed 4 times; aborting job',
    ], [reading]);
  }
  const unresolved = firstUnresolvedField(objects, program.selects);
  if (unresolved) {
    const message = `[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name \`${unresolved.field}\` cannot be resolved. Did you mean one of the following? [${unresolved.present.slice(0, 5).map((f) => `\`${f}\``).join(', ')}].;`;
    return failed(`An error occurred while calling o98.select. ${message}`, [`pyspark.errors.exceptions.captured.AnalysisException: ${message}`], [reading]);
  }
  return { state: 'SUCCEEDED', errorLog: [], outputLog: [reading, `Wrote ${objects.length} input file(s) to Parquet`] };
}
