/** Raised for an archive this reader cannot read: not a zip, malformed, encrypted, an unsupported method, or over the size limit. */
export class ZipReadError extends Error {
  override name = 'ZipReadError';
  constructor(message: string, readonly entry?: string) {
    super(message);
  }
}

/** One file of a zip archive as its central directory describes it (ZIP64 sizes and offsets resolved). */
export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  crc32: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

/** Bounds-checked little-endian reads: a field past the end is a ZipReadError naming it, never a RangeError. */
export function fieldReader(archive: Buffer) {
  const check = (at: number, width: number, what: string) => {
    if (!Number.isSafeInteger(at) || at < 0 || at + width > archive.length) throw new ZipReadError(`malformed zip: ${what} at byte ${at} lies outside the ${archive.length}-byte archive`);
  };
  return {
    u16: (at: number, what: string) => (check(at, 2, what), archive.readUInt16LE(at)),
    u32: (at: number, what: string) => (check(at, 4, what), archive.readUInt32LE(at)),
    u64: (at: number, what: string) => {
      check(at, 8, what);
      const value = archive.readBigUInt64LE(at);
      if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZipReadError(`malformed zip: ${what} at byte ${at} is ${value}, too large to address`);
      return Number(value);
    },
    text: (at: number, length: number, what: string) => (check(at, length, what), archive.toString('utf8', at, at + length)),
  };
}

const signatures = { end: 0x06054b50, zip64Locator: 0x07064b50, zip64End: 0x06064b50, central: 0x02014b50 } as const;
const max16 = 0xffff;
const max32 = 0xffffffff;

/** Where the central directory starts and how many entries it holds, from the end record (or its ZIP64 record). */
function directoryOf(archive: Buffer): { count: number; offset: number } {
  const read = fieldReader(archive);
  const endAt = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (endAt < 0 || endAt + 22 > archive.length) throw new ZipReadError('not a zip archive: no end of central directory record');
  const count = read.u16(endAt + 10, 'entry count');
  const offset = read.u32(endAt + 16, 'central directory offset');
  if (count !== max16 && offset !== max32) return { count, offset };
  // ZIP64 (archiver's forceZip64, archives over 4 GiB or 65,535 entries): the locator sits just before the end record.
  const locatorAt = endAt - 20;
  if (locatorAt < 0 || read.u32(locatorAt, 'ZIP64 locator') !== signatures.zip64Locator) throw new ZipReadError('malformed zip: the end record defers to ZIP64, but there is no ZIP64 end locator');
  const zip64At = read.u64(locatorAt + 8, 'ZIP64 end record offset');
  if (read.u32(zip64At, 'ZIP64 end record') !== signatures.zip64End) throw new ZipReadError(`malformed zip: no ZIP64 end record at byte ${zip64At}`);
  return { count: read.u64(zip64At + 32, 'ZIP64 entry count'), offset: read.u64(zip64At + 48, 'ZIP64 central directory offset') };
}

/** Reads the ZIP64 extended information extra field (id 0x0001): 64-bit values for the 32-bit fields set to 0xFFFFFFFF. */
function zip64Values(archive: Buffer, extraAt: number, extraLength: number, wanted: { size: boolean; compressedSize: boolean; offset: boolean }) {
  const read = fieldReader(archive);
  for (let at = extraAt; at + 4 <= extraAt + extraLength; ) {
    const id = read.u16(at, 'extra field id');
    const length = read.u16(at + 2, 'extra field length');
    if (id === 0x0001) {
      let field = at + 4;
      const next = (what: string) => {
        const value = read.u64(field, what);
        field += 8;
        return value;
      };
      return { size: wanted.size ? next('ZIP64 size') : null, compressedSize: wanted.compressedSize ? next('ZIP64 compressed size') : null, offset: wanted.offset ? next('ZIP64 local header offset') : null };
    }
    at += 4 + length;
  }
  throw new ZipReadError('malformed zip: an entry defers its size or offset to ZIP64, but has no ZIP64 extra field');
}

/** The entries of a zip archive's central directory, ZIP64 included. */
export function zipEntries(archive: Buffer): ZipEntry[] {
  const read = fieldReader(archive);
  const { count, offset } = directoryOf(archive);
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (read.u32(at, 'central directory entry') !== signatures.central) throw new ZipReadError(`malformed zip: central directory entry ${i} at byte ${at} has no signature`);
    const nameLength = read.u16(at + 28, 'name length');
    const extraLength = read.u16(at + 30, 'extra length');
    const commentLength = read.u16(at + 32, 'comment length');
    const entry: ZipEntry = {
      name: read.text(at + 46, nameLength, 'entry name'),
      flags: read.u16(at + 8, 'flags'),
      method: read.u16(at + 10, 'compression method'),
      crc32: read.u32(at + 16, 'CRC-32'),
      compressedSize: read.u32(at + 20, 'compressed size'),
      size: read.u32(at + 24, 'size'),
      localHeaderOffset: read.u32(at + 42, 'local header offset'),
    };
    const wanted = { size: entry.size === max32, compressedSize: entry.compressedSize === max32, offset: entry.localHeaderOffset === max32 };
    if (wanted.size || wanted.compressedSize || wanted.offset) {
      const wide = zip64Values(archive, at + 46 + nameLength, extraLength, wanted);
      entry.size = wide.size ?? entry.size;
      entry.compressedSize = wide.compressedSize ?? entry.compressedSize;
      entry.localHeaderOffset = wide.offset ?? entry.localHeaderOffset;
    }
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
