import { inflateRawSync } from 'node:zlib';

/** Raised for an archive this reader cannot read: not a zip, an unsupported method, or over the size limit. */
export class ZipReadError extends Error {
  override name = 'ZipReadError';
  constructor(message: string, readonly entry?: string) {
    super(message);
  }
}

/** Reads one file from a zip archive (stored or deflated entries), refusing entries over `maxBytes`. */
export function readZipEntry(archive: Buffer, name: string, maxBytes: number): Buffer | null {
  const endAt = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endAt < 0 || endAt + 22 > archive.length) throw new ZipReadError('not a zip archive: no end of central directory');
  const count = archive.readUInt16LE(endAt + 10);
  let at = archive.readUInt32LE(endAt + 16);
  for (let i = 0; i < count; i++) {
    if (archive.readUInt32LE(at) !== 0x02014b50) throw new ZipReadError('malformed zip: bad central directory entry');
    const method = archive.readUInt16LE(at + 10);
    const compressedSize = archive.readUInt32LE(at + 20);
    const size = archive.readUInt32LE(at + 24);
    const nameLength = archive.readUInt16LE(at + 28);
    const extraLength = archive.readUInt16LE(at + 30);
    const commentLength = archive.readUInt16LE(at + 32);
    const localAt = archive.readUInt32LE(at + 42);
    const entryName = archive.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (entryName !== name) continue;
    if (size > maxBytes) throw new ZipReadError(`${name} is ${size} bytes, over the limit of ${maxBytes}`, name);
    const dataAt = localAt + 30 + archive.readUInt16LE(localAt + 26) + archive.readUInt16LE(localAt + 28);
    const data = archive.subarray(dataAt, dataAt + compressedSize);
    if (method === 0) return Buffer.from(data);
    if (method === 8) return inflateRawSync(data, { maxOutputLength: maxBytes });
    throw new ZipReadError(`${name} uses compression method ${method}, expected stored (0) or deflate (8)`, name);
  }
  return null;
}

/** The names of the files in a zip archive. */
export function zipEntryNames(archive: Buffer): string[] {
  const endAt = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endAt < 0) throw new ZipReadError('not a zip archive: no end of central directory');
  const names: string[] = [];
  let at = archive.readUInt32LE(endAt + 16);
  for (let i = 0; i < archive.readUInt16LE(endAt + 10); i++) {
    const nameLength = archive.readUInt16LE(at + 28);
    names.push(archive.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + archive.readUInt16LE(at + 30) + archive.readUInt16LE(at + 32);
  }
  return names;
}
