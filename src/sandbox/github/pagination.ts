/** One page of a list and the Link header that points at the others, as GitHub paginates. */
export interface Page<T> {
  items: T[];
  link: string | null;
}

/** Parses `per_page` (1–100, default 30) and `page` (from 1) and slices the list, building GitHub's Link header. */
export function paginate<T>(items: readonly T[], url: URL): Page<T> {
  const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page')) || 30));
  const page = Math.max(1, Math.floor(Number(url.searchParams.get('page')) || 1));
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const at = (n: number) => {
    const target = new URL(url);
    target.searchParams.set('per_page', String(perPage));
    target.searchParams.set('page', String(n));
    return target.toString();
  };
  const rels: string[] = [];
  if (page < last) rels.push(`<${at(page + 1)}>; rel="next"`, `<${at(last)}>; rel="last"`);
  if (page > 1) rels.push(`<${at(1)}>; rel="first"`, `<${at(Math.min(page - 1, last))}>; rel="prev"`);
  return { items: items.slice((page - 1) * perPage, page * perPage), link: rels.length ? rels.join(', ') : null };
}
