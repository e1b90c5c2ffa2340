import type { XmlNode, XmlValue } from '../core/xml';

/**
 * A result in the AWS JSON shape (lists as arrays, times as Dates) in the query protocol's XML shape: each list
 * becomes `<member>` elements, each time an ISO timestamp. For services that answer both (CloudWatch).
 */
export function queryResultXml(value: Record<string, unknown>): XmlNode {
  const node: XmlNode = {};
  for (const [name, member] of Object.entries(value)) node[name] = xmlValue(member);
  return node;
}

function xmlValue(value: unknown): XmlValue {
  if (value === undefined || value === null) return undefined;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return { member: value.map((item) => xmlValue(item) as XmlNode) as XmlNode[] };
  if (typeof value === 'object') return queryResultXml(value as Record<string, unknown>);
  return value as string | number | boolean;
}
