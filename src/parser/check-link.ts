import path from 'node:path';
import type { Link, Nodes } from 'mdast';

const checkModule = /(?:^|\/)checks\/(?:[\w.-]+\/)*[\w.-]+\.(?:ts|js)$/;

/** True when a link points at a check module (`../checks/s3/s3-event-notifications.ts`). */
export function isCheckHref(href: string): boolean {
  return !/^[a-z]+:/i.test(href) && checkModule.test(href.split('#')[0]!);
}

/** The check modules linked from a node, in document order. */
export function findCheckLinks(node: Nodes): Link[] {
  const found: Link[] = [];
  const visit = (current: Nodes): void => {
    if (current.type === 'link' && isCheckHref(current.url)) found.push(current);
    if ('children' in current) for (const child of current.children) visit(child as Nodes);
  };
  visit(node);
  return found;
}

/** Resolves a check link written in `docFile` to a module path relative to the project root. */
export function resolveCheckHref(docFile: string, href: string): string {
  const target = href.split('#')[0]!;
  return path.posix.normalize(path.posix.join(path.posix.dirname(docFile), target));
}

/** The check id of a module path: its file name without extension. */
export function checkIdOf(modulePath: string): string {
  return path.posix.basename(modulePath).replace(/\.(ts|js)$/, '');
}
