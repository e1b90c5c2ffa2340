/**
 * `@docusaurus/useBrokenLinks` outside a Docusaurus build, for rendering components in unit tests: what
 * the browser client gets too, collectors that keep nothing (only the build's server render checks links).
 */
export default function useBrokenLinks(): { collectAnchor: (name: string) => void; collectLink: (link: string) => void } {
  return { collectAnchor: () => undefined, collectLink: () => undefined };
}
