import { scanJsonLines, type CorruptLine } from './json-lines';
import type { InputSample } from './sample-input';
import type { RecordPlace } from './schema-check';

/** A corrupt line with the object it is in. */
export interface PlacedCorruptLine extends CorruptLine {
  key: string;
}

/** Every sampled object's lines: the parsed records with their places, and the corrupt lines. */
export interface SampleScan {
  linesChecked: number;
  records: Array<{ place: RecordPlace; record: Record<string, unknown> }>;
  corrupt: PlacedCorruptLine[];
}

/** Parses each sampled object as JSON lines; a ranged read's unfinished last line is not held against it. */
export function scanSample(sample: InputSample): SampleScan {
  const scan: SampleScan = { linesChecked: 0, records: [], corrupt: [] };
  for (const object of sample.objects) {
    const result = scanJsonLines(object.text, object.cutShort);
    scan.linesChecked += result.lines;
    for (const { line, record } of result.records) scan.records.push({ place: { key: object.key, line }, record });
    for (const corrupt of result.corrupt) scan.corrupt.push({ key: object.key, ...corrupt });
  }
  return scan;
}
