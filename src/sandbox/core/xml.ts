import { escapeXml } from '../../util/escape-xml';

/** A value that can be written as XML: text, a number, a boolean, a list of children, or nested elements. */
export type XmlValue = string | number | boolean | undefined | XmlNode | XmlNode[];
/** Element name → value; arrays repeat the element (the flattened lists of REST-XML and query protocols). */
export interface XmlNode {
  [element: string]: XmlValue | XmlValue[];
}

/** Writes elements as XML, in key order; undefined values are left out. */
export function toXml(node: XmlNode): string {
  let out = '';
  for (const [name, value] of Object.entries(node)) {
    const items = Array.isArray(value) ? value : [value];
    for (const item of items) {
      if (item === undefined) continue;
      if (typeof item === 'object') out += `<${name}>${Array.isArray(item) ? item.map(toXml).join('') : toXml(item)}</${name}>`;
      else out += `<${name}>${escapeXml(String(item))}</${name}>`;
    }
  }
  return out;
}

/** A complete XML document with a root element and namespace; a string body is the root's text. */
export function xmlDocument(root: string, namespace: string, body: XmlNode | string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="${namespace}">${typeof body === 'string' ? escapeXml(body) : toXml(body)}</${root}>`;
}
