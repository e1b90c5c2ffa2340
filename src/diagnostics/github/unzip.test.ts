import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { writeZip } from '../../sandbox/github/zip';
import { readZipEntry, zipEntryNames, ZipReadError } from './unzip';

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
