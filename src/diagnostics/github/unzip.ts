import { crc32, inflateRawSync } from 'node:zlib';
import { fieldReader, zipEntries, ZipReadError, type ZipEntry } from './zip-directory';

function inflate(entry: ZipEntry, data: Buffer, maxBytes: number): Buffer {
  if (entry.method === 0) return Buffer.from(data);
  if (entry.method !== 8) throw new ZipReadError(`${entry.name} uses compression method ${entry.method}, expected stored (0) or deflate (8)`, entry.name);
  try {
    return inflateRawSync(data, { maxOutputLength: maxBytes });
  } catch (error) {
    throw new ZipReadError(`${entry.name} could not be inflated: ${(error as Error).message}`, entry.name);
  }
}

/** Reads one file from a zip archive (stored or deflated, ZIP64 included), refusing entries over `maxBytes` or with a wrong CRC. */
export function readZipEntry(archive: Buffer, name: string, maxBytes: number): Buffer | null {
  const entry = zipEntries(archive).find((e) => e.name === name);
  if (!entry) return null;
  if (entry.flags & 0x1) throw new ZipReadError(`${name} is encrypted`, name);
  if (entry.size > maxBytes) throw new ZipReadError(`${name} is ${entry.size} bytes, over the limit of ${maxBytes}`, name);
  const read = fieldReader(archive);
  if (read.u32(entry.localHeaderOffset, `local header of ${name}`) !== 0x04034b50) throw new ZipReadError(`malformed zip: no local header for ${name} at byte ${entry.localHeaderOffset}`, name);
  const dataAt = entry.localHeaderOffset + 30 + read.u16(entry.localHeaderOffset + 26, 'local name length') + read.u16(entry.localHeaderOffset + 28, 'local extra length');
  if (dataAt + entry.compressedSize > archive.length) throw new ZipReadError(`malformed zip: the data of ${name} runs past the end of the archive (truncated download?)`, name);
  const data = inflate(entry, archive.subarray(dataAt, dataAt + entry.compressedSize), maxBytes);
  if (data.length !== entry.size || crc32(data) !== entry.crc32) throw new ZipReadError(`${name} is corrupt: its size or CRC-32 does not match the central directory`, name);
  return data;
}

/** The names of the files in a zip archive. */
export function zipEntryNames(archive: Buffer): string[] {
  return zipEntries(archive).map((entry) => entry.name);
}
