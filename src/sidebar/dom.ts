// The only way the sidebar builds DOM. Text goes in through text nodes and attributes through
// setAttribute, so applicant text (names, agencies, answers) can never become markup or script.
// There is deliberately no innerHTML anywhere in src/sidebar.

export type Child = Node | string | number | null | undefined | false;
export type Children = Child | readonly Children[];

export interface Attrs {
  [name: string]: string | number | boolean | null | undefined | EventListener;
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Children[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) {
      if (typeof value !== 'function') throw new Error(`el: ${name} must be a listener`);
      node.addEventListener(name.slice(2), value);
    } else if (typeof value === 'function') {
      throw new Error(`el: ${name} cannot be a function`);
    } else if (name === 'checked' || name === 'disabled' || name === 'value' || name === 'selected' || name === 'indeterminate') {
      (node as unknown as Record<string, unknown>)[name] = value;
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(node, children);
  return node;
}

export function append(parent: Node, children: readonly Children[]): void {
  for (const c of children) {
    if (Array.isArray(c)) append(parent, c as readonly Children[]);
    else if (c === null || c === undefined || c === false) continue;
    else parent.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : (c as Node));
  }
}

export function replaceChildren(parent: Node, ...children: Children[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, children);
}

let uid = 0;
export function nextId(prefix: string): string {
  uid += 1;
  return `${prefix}-${uid}`;
}
