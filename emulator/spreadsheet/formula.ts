// Just enough of the Sheets formula language to tell a formula from text and to evaluate simple ones.
// Length: one parser and evaluator of the formula subset; the grammar reads best in one place.
type Tok =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'ref'; v: string }
  | { t: 'fn'; v: string }
  | { t: 'id'; v: string }
  | { t: 'op'; v: string }
  | { t: '('; v: '(' }
  | { t: ')'; v: ')' }
  | { t: ','; v: ',' };

export type Ast =
  | { k: 'num'; v: number }
  | { k: 'str'; v: string }
  | { k: 'ref'; v: string }
  | { k: 'id'; v: string }
  | { k: 'call'; name: string; args: Ast[] }
  | { k: 'unary'; op: string; e: Ast }
  | { k: 'pct'; e: Ast }
  | { k: 'bin'; op: string; l: Ast; r: Ast };

function tokenize(src: string): Tok[] | null {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === ' ') {
      i++;
      continue;
    }
    const num = /^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?/i.exec(src.slice(i));
    if (num) {
      out.push({ t: 'num', v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let s = '';
      for (;;) {
        if (j >= src.length) return null;
        if (src[j] === '"') {
          if (src[j + 1] === '"') {
            s += '"';
            j += 2;
            continue;
          }
          break;
        }
        s += src[j++];
      }
      out.push({ t: 'str', v: s });
      i = j + 1;
      continue;
    }
    const ref = /^(?:(?:'[^']+'|[A-Za-z_][\w.]*)!)?\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?(?![\w(])/.exec(src.slice(i));
    if (ref) {
      out.push({ t: 'ref', v: ref[0] });
      i += ref[0].length;
      continue;
    }
    const id = /^[A-Za-z_][\w.]*/.exec(src.slice(i));
    if (id) {
      i += id[0].length;
      let j = i;
      while (src[j] === ' ') j++;
      if (src[j] === '(') out.push({ t: 'fn', v: id[0].toUpperCase() });
      else out.push({ t: 'id', v: id[0] });
      continue;
    }
    const op = /^(<=|>=|<>|[-+*/^&=<>%])/.exec(src.slice(i));
    if (op) {
      out.push({ t: 'op', v: op[0] });
      i += op[0].length;
      continue;
    }
    if (c === '(' || c === ')' || c === ',') {
      out.push({ t: c, v: c } as Tok);
      i++;
      continue;
    }
    return null;
  }
  return out;
}

const PREC: Record<string, number> = { '=': 1, '<': 1, '>': 1, '<=': 1, '>=': 1, '<>': 1, '&': 2, '+': 3, '-': 3, '*': 4, '/': 4, '^': 5 };

/** Parses an expression (without its leading '='); null when it is not one. */
export function parseExpression(src: string, allowBareNames: boolean): Ast | null {
  const tokens = tokenize(src);
  if (!tokens || tokens.length === 0) return null;
  const toks: Tok[] = tokens;
  let pos = 0;
  const peek = (): Tok | undefined => toks[pos];

  function primary(): Ast | null {
    const tk = toks[pos];
    if (!tk) return null;
    if (tk.t === 'op' && (tk.v === '+' || tk.v === '-')) {
      pos++;
      const e = primary();
      return e ? { k: 'unary', op: tk.v, e } : null;
    }
    pos++;
    let node: Ast | null;
    switch (tk.t) {
      case 'num':
        node = { k: 'num', v: tk.v };
        break;
      case 'str':
        node = { k: 'str', v: tk.v };
        break;
      case 'ref':
        node = { k: 'ref', v: tk.v };
        break;
      case 'id':
        if (!allowBareNames && !/^(TRUE|FALSE)$/i.test(tk.v)) return null;
        node = { k: 'id', v: tk.v };
        break;
      case 'fn': {
        if (peek()?.t !== '(') return null;
        pos++;
        const args: Ast[] = [];
        if (peek()?.t === ')') {
          pos++;
        } else {
          for (;;) {
            const a = expr(0);
            if (!a) return null;
            args.push(a);
            const n = toks[pos++];
            if (!n) return null;
            if (n.t === ')') break;
            if (n.t !== ',') return null;
          }
        }
        node = { k: 'call', name: tk.v, args };
        break;
      }
      case '(': {
        const e = expr(0);
        if (!e || toks[pos++]?.t !== ')') return null;
        node = e;
        break;
      }
      default:
        return null;
    }
    while (peek()?.t === 'op' && peek()?.v === '%') {
      pos++;
      node = { k: 'pct', e: node };
    }
    return node;
  }

  function expr(minPrec: number): Ast | null {
    let left = primary();
    if (!left) return null;
    for (;;) {
      const tk = peek();
      if (!tk || tk.t !== 'op' || !(tk.v in PREC)) break;
      const prec = PREC[tk.v];
      if (prec < minPrec) break;
      pos++;
      const right = expr(tk.v === '^' ? prec : prec + 1);
      if (!right) return null;
      left = { k: 'bin', op: tk.v, l: left, r: right };
    }
    return left;
  }

  const ast = expr(0);
  return ast && pos === toks.length ? ast : null;
}

export type Scalar = string | number | boolean;
export type RefResolver = (ref: string) => Scalar[];

const num = (v: Scalar): number | null => {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === '') return 0;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
};

class FormulaError extends Error {}

/** Evaluates a parsed formula; errors become Sheets error strings ('#VALUE!', '#NAME?', ...). */
export function evaluate(ast: Ast, resolve: RefResolver): Scalar {
  try {
    return ev(ast, resolve);
  } catch (e) {
    if (e instanceof FormulaError) return e.message;
    throw e;
  }
}

function ev(ast: Ast, resolve: RefResolver): Scalar {
  switch (ast.k) {
    case 'num':
      return ast.v;
    case 'str':
      return ast.v;
    case 'id':
      if (/^TRUE$/i.test(ast.v)) return true;
      if (/^FALSE$/i.test(ast.v)) return false;
      throw new FormulaError('#NAME?');
    case 'ref': {
      const vals = resolve(ast.v);
      return vals.length === 0 ? '' : vals[0];
    }
    case 'unary': {
      const n = num(ev(ast.e, resolve));
      if (n === null) throw new FormulaError('#VALUE!');
      return ast.op === '-' ? -n : n;
    }
    case 'pct': {
      const n = num(ev(ast.e, resolve));
      if (n === null) throw new FormulaError('#VALUE!');
      return n / 100;
    }
    case 'bin': {
      const l = ev(ast.l, resolve);
      const r = ev(ast.r, resolve);
      if (ast.op === '&') return `${display(l)}${display(r)}`;
      if (['=', '<>', '<', '>', '<=', '>='].includes(ast.op)) return compare(ast.op, l, r);
      const a = num(l);
      const b = num(r);
      if (a === null || b === null) throw new FormulaError('#VALUE!');
      switch (ast.op) {
        case '+':
          return a + b;
        case '-':
          return a - b;
        case '*':
          return a * b;
        case '/':
          if (b === 0) throw new FormulaError('#DIV/0!');
          return a / b;
        default:
          return a ** b;
      }
    }
    case 'call':
      return call(ast.name, ast.args, resolve);
  }
}

function display(v: Scalar): string {
  return typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v);
}

function compare(op: string, l: Scalar, r: Scalar): boolean {
  const a = typeof l === 'string' ? l.toLowerCase() : l;
  const b = typeof r === 'string' ? r.toLowerCase() : r;
  switch (op) {
    case '=':
      return a === b;
    case '<>':
      return a !== b;
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '<=':
      return a <= b;
    default:
      return a >= b;
  }
}

function values(args: Ast[], resolve: RefResolver): Scalar[] {
  const out: Scalar[] = [];
  for (const a of args) {
    if (a.k === 'ref') out.push(...resolve(a.v));
    else out.push(ev(a, resolve));
  }
  return out;
}

function call(name: string, args: Ast[], resolve: RefResolver): Scalar {
  switch (name) {
    case 'SUM':
      return values(args, resolve).reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0);
    case 'COUNTA':
      return values(args, resolve).filter((v) => v !== '').length;
    case 'CONCATENATE':
      return values(args, resolve).map(display).join('');
    case 'UPPER':
      return display(ev(args[0], resolve)).toUpperCase();
    case 'LOWER':
      return display(ev(args[0], resolve)).toLowerCase();
    case 'IF': {
      const c = ev(args[0], resolve);
      return c && c !== 0 ? (args[1] ? ev(args[1], resolve) : true) : args[2] ? ev(args[2], resolve) : false;
    }
    default:
      throw new FormulaError('#NAME?');
  }
}
