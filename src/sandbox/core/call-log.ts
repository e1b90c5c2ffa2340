import type { CallTrace } from '../../clients/call-trace';

/** One call the sandbox served: which service and operation, the statement for SQL, and whether it changed state. */
export interface CallRecord {
  seq: number;
  at: string;
  service: string;
  operation: string;
  statement?: string;
  mutates: boolean;
  status: number;
  /** Bytes of the response body: lets tests bound what a check read. */
  bytesOut: number;
  /** The IAM action the enforced caller policy denied: the call was answered AccessDenied before it did anything. */
  denied?: string;
  /** The faults injected into this call's answer (`latency`, `empty-body+latency`…), when any. */
  fault?: string;
  /** When the request arrived and when its answer was sent, in ms since the sandbox started (`endedMs` unset while held or hung). */
  startedMs: number;
  endedMs?: number;
  /** Which step's check made the call and which calls it waited for, when the client ran traced (the runner's runs do). */
  trace?: CallTrace;
}

/** The log of every call the sandbox served, in order; tests prove read-only behaviour and count calls from it. */
export class CallLog {
  private readonly records: CallRecord[] = [];

  /** Appends a record, gives it the next sequence number and returns it (its `endedMs` is set when the answer is sent). */
  add(record: Omit<CallRecord, 'seq'>): CallRecord {
    const stored = { seq: this.records.length + 1, ...record };
    this.records.push(stored);
    return stored;
  }

  /** Every record so far (a copy). */
  all(): CallRecord[] {
    return [...this.records];
  }

  /** The records that changed state. */
  mutations(): CallRecord[] {
    return this.records.filter((record) => record.mutates);
  }

  /** Forgets every record. */
  clear(): void {
    this.records.length = 0;
  }
}
