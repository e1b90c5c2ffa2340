import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { listenForInterrupt } from './interruption';

describe('listenForInterrupt', () => {
  it('stops the run on the first signal and exits at once on the second, with the signal\'s code', () => {
    for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
      const told: string[] = [];
      const exits: number[] = [];
      const source = new EventEmitter();
      const interruption = listenForInterrupt((text) => told.push(text), (exitCode) => exits.push(exitCode), source);
      expect(interruption.received()).toBeNull();
      source.emit(signal);
      expect(interruption.signal.aborted).toBe(true);
      expect(interruption.received()).toBe(signal);
      expect(exits).toEqual([]);
      expect(told.join('')).toContain(`${signal}: stopping the checks`);
      source.emit(signal);
      expect(exits).toEqual([code]);
      expect(told.join('')).toContain(`${signal} again: exiting at once`);
      interruption.dispose();
      expect(source.listenerCount(signal)).toBe(0);
    }
  });
});
