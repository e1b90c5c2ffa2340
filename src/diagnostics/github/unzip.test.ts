import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { writeZip } from '../../sandbox/github/zip';
import { hasRealArtifacts, readRealBytes, realArtifactsSkipMessage } from '../stepfunctions/real-artifacts.test-support';
import { parsePlanText } from '../terraform/parse-plan-text';
import { readZipEntry, zipEntryNames } from './unzip';
import { ZipReadError } from './zip-directory';

/** A zip with one stored (uncompressed) entry, built byte by byte as `zip -0` writes it. */
function storedZip(name: string, data: Buffer): Buffer {
  const nameBytes = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt32LE(crc32(data), 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt32LE(crc32(data), 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + nameBytes.length, 12);
  end.writeUInt32LE(30 + nameBytes.length + data.length, 16);
  return Buffer.concat([local, nameBytes, data, central, nameBytes, end]);
}

describe('reading a plan out of an artifact zip', () => {
  it('reads deflated entries by name and lists the others', () => {
    const archive = writeZip([
      { name: 'tfplan.txt', data: Buffer.from('plan text') },
      { name: 'plan.json', data: Buffer.from('{"format_version":"1.2"}'.repeat(100)) },
    ]);
    expect(zipEntryNames(archive)).toEqual(['tfplan.txt', 'plan.json']);
    expect(readZipEntry(archive, 'plan.json', 1 << 20)?.toString()).toBe('{"format_version":"1.2"}'.repeat(100));
    expect(readZipEntry(archive, 'missing.json', 1 << 20)).toBeNull();
  });

  it('reads stored entries', () => {
    expect(readZipEntry(storedZip('plan.json', Buffer.from('{}')), 'plan.json', 100)?.toString()).toBe('{}');
  });

  it('refuses an entry over the size limit, and bytes that are not a zip', () => {
    const archive = writeZip([{ name: 'plan.json', data: Buffer.alloc(5000, 0x20) }]);
    expect(() => readZipEntry(archive, 'plan.json', 100)).toThrow(ZipReadError);
    expect(() => readZipEntry(Buffer.from('<html>expired</html>'), 'plan.json', 100)).toThrow(/not a zip archive/);
  });
});

describe('archives that are damaged are refused with ZipReadError, never a RangeError', () => {
  const archive = writeZip([{ name: 'plan.json', data: Buffer.from('{"format_version":"1.2"}'.repeat(50)) }]);
  const refusal = (bytes: Buffer) => {
    try {
      readZipEntry(bytes, 'plan.json', 1 << 20);
    } catch (error) {
      return error;
    }
    return null;
  };

  it.each([
    ['a download cut short', archive.subarray(0, archive.length - 30)],
    ['a central directory that points past the end', Buffer.concat([archive.subarray(0, archive.length - 6), Buffer.from([0xf0, 0xff, 0xff, 0x0f, 0, 0])])],
    ['corrupted compressed data', Buffer.concat([archive.subarray(0, 40), Buffer.alloc(8, 0xff), archive.subarray(48)])],
  ])('%s', (_what, bytes) => {
    const thrown = refusal(bytes);
    expect(thrown).toBeInstanceOf(ZipReadError);
    expect(thrown).not.toBeInstanceOf(RangeError);
  });
});

describe.skipIf(!hasRealArtifacts)(`a ZIP64 artifact (${hasRealArtifacts ? 'github_actions/archiver7_forceZip64.zip, written by the zip library of actions/upload-artifact v4' : realArtifactsSkipMessage})`, () => {
  it('lists its entries and reads the plan out of it', () => {
    const archive = readRealBytes('github_actions/archiver7_forceZip64.zip');
    expect(zipEntryNames(archive)).toEqual(['plan.json']);
    const plan = readZipEntry(archive, 'plan.json', 1 << 20)!;
    expect(plan.length).toBe(16489);
    expect(parsePlanText(plan.toString('utf8'), 'plan.json').formatVersion).toMatch(/^1\./);
  });
});

const infoZip = (() => {
  try {
    execFileSync('zip', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe.skipIf(!infoZip)(`an archive Info-ZIP writes with -fz (${infoZip ? 'zip on PATH' : 'skipped: no zip on PATH'})`, () => {
  it('reads entries whose central directory defers their sizes to the ZIP64 extra field', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'runbook-zip64-'));
    try {
      const plan = JSON.stringify({ format_version: '1.2', planned_values: {}, resource_changes: [] }).padEnd(3000, ' ');
      writeFileSync(path.join(dir, 'plan.json'), plan);
      writeFileSync(path.join(dir, 'notes.txt'), 'second entry');
      execFileSync('zip', ['-q', '-fz', 'artifact.zip', 'notes.txt', 'plan.json'], { cwd: dir });
      const archive = readFileSync(path.join(dir, 'artifact.zip'));
      expect(archive.readUInt32LE(archive.lastIndexOf(Buffer.from('PK\x01\x02', 'latin1')) + 24)).toBe(0xffffffff);
      expect(zipEntryNames(archive)).toEqual(['notes.txt', 'plan.json']);
      expect(readZipEntry(archive, 'plan.json', 1 << 20)?.toString()).toBe(plan);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
