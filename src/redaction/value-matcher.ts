const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A value that could also be an ordinary word: short, or letters only (`dragon`, `Summer`). */
export function isWeakValue(value: string): boolean {
  return value.length < 8 || /^[A-Za-z]+$/.test(value);
}

/**
 * A pattern that finds a known secret value as a whole token. A strong value is a token wherever no letter or
 * digit touches its ends (`password=Xy7#kPq9!` and `user:Xy7#kPq9!@host` both match); a weak one only where it
 * stands alone, so that `dragon` is found in `password dragon` but not in `/home/dragonfly` or `dragon-cache`.
 */
export function valueMatcher(value: string): RegExp {
  const known = compiled.get(value);
  if (known) return known;
  const matcher = compile(value);
  compiled.set(value, matcher);
  return matcher;
}

/** Matchers already built, by value: a report has thousands of strings and a handful of secrets. */
const compiled = new Map<string, RegExp>();

function compile(value: string): RegExp {
  const body = escape(value);
  if (isWeakValue(value)) return new RegExp(String.raw`(?<![\w./-])${body}(?![\w/-]|\.\w)`, 'g');
  const before = /^[A-Za-z0-9]/.test(value) ? '(?<![A-Za-z0-9])' : '';
  const after = /[A-Za-z0-9]$/.test(value) ? '(?![A-Za-z0-9])' : '';
  return new RegExp(`${before}${body}${after}`, 'g');
}
