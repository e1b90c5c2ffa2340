import { createHash } from 'node:crypto';

/** A stable positive integer id for a name (a user, a repository), as GitHub's ids never change. */
export function stableId(kind: string, name: string): number {
  return createHash('sha1').update(`${kind}:${name.toLowerCase()}`).digest().readUInt32BE(0) % 900_000_000 + 1_000_000;
}

/** A GraphQL node id as GitHub's REST answers carry it: base64 of the type and id. */
export function nodeId(type: string, id: number): string {
  return Buffer.from(`0${type.length}:${type}${id}`).toString('base64');
}
