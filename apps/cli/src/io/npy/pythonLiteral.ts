/**
 * A value of the small subset of Python literal syntax that `.npy` headers use: the header is a
 * dict written with `repr`, read by NumPy with `ast.literal_eval`.
 */
export type PythonLiteral =
  | string
  | number
  | boolean
  | null
  | { readonly tuple: readonly PythonLiteral[] }
  | { readonly list: readonly PythonLiteral[] }
  | ReadonlyMap<string, PythonLiteral>;

interface Token {
  readonly kind: 'punct' | 'string' | 'int' | 'name';
  readonly text: string;
}

// Python 2 wrote longs as `3L`; NumPy still reads such headers.
const TOKEN = /\s*(?:([{}()[\]:,])|'([^'\\]*)'|"([^"\\]*)"|(-?\d+)L?|([A-Za-z_]\w*))/y;

function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  let at = 0;
  while (text.slice(at).trim() !== '') {
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(text);
    if (!m) return undefined;
    at = TOKEN.lastIndex;
    if (m[1] !== undefined) tokens.push({ kind: 'punct', text: m[1] });
    else if (m[2] !== undefined || m[3] !== undefined) tokens.push({ kind: 'string', text: m[2] ?? m[3] ?? '' });
    else if (m[4] !== undefined) tokens.push({ kind: 'int', text: m[4] });
    else tokens.push({ kind: 'name', text: m[5] ?? '' });
  }
  return tokens;
}

class Malformed extends Error {}

/**
 * Parses `text` as one Python literal (strings without escapes, integers, `True`/`False`/`None`,
 * tuples, lists, dicts with string keys). Returns `undefined` for anything else, so the caller can
 * say which file is malformed.
 */
export function parsePythonLiteral(text: string): PythonLiteral | undefined {
  const tokens = tokenize(text);
  if (!tokens) return undefined;
  let i = 0;
  const isPunct = (p: string): boolean => tokens[i]?.kind === 'punct' && tokens[i]?.text === p;
  const expect = (p: string): void => {
    if (!isPunct(p)) throw new Malformed();
    i++;
  };
  // Items up to `close`; `trailingComma` tells `(5)` (a number) from `(5,)` (a tuple).
  const sequence = (close: string): { items: PythonLiteral[]; trailingComma: boolean } => {
    const items: PythonLiteral[] = [];
    let trailingComma = false;
    while (!isPunct(close)) {
      items.push(value());
      trailingComma = isPunct(',');
      if (trailingComma) i++;
      else if (!isPunct(close)) throw new Malformed();
    }
    i++;
    return { items, trailingComma };
  };
  const value = (): PythonLiteral => {
    const token = tokens[i++];
    if (token === undefined) throw new Malformed();
    switch (token.kind) {
      case 'string':
        return token.text;
      case 'int':
        return Number(token.text);
      case 'name':
        if (token.text === 'True') return true;
        if (token.text === 'False') return false;
        if (token.text === 'None') return null;
        throw new Malformed();
      default:
        break;
    }
    if (token.text === '(') {
      const { items, trailingComma } = sequence(')');
      return items.length === 1 && !trailingComma ? (items[0] as PythonLiteral) : { tuple: items };
    }
    if (token.text === '[') return { list: sequence(']').items };
    if (token.text === '{') {
      const dict = new Map<string, PythonLiteral>();
      while (!isPunct('}')) {
        const key = value();
        if (typeof key !== 'string') throw new Malformed();
        expect(':');
        dict.set(key, value());
        if (isPunct(',')) i++;
        else if (!isPunct('}')) throw new Malformed();
      }
      i++;
      return dict;
    }
    throw new Malformed();
  };
  try {
    const result = value();
    return i === tokens.length ? result : undefined;
  } catch (e) {
    if (e instanceof Malformed) return undefined;
    throw e;
  }
}
