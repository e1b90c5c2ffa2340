import type { Node } from 'unist';

/** An ESTree node, as far as this module builds them. */
export interface EstreeNode {
  type: string;
  [field: string]: unknown;
}

/** A JSX block element in an MDX tree (`<RunbookStep step={…} />`), as mdast-util-mdx-jsx defines it. */
export interface MdxJsxFlowElement extends Node {
  type: 'mdxJsxFlowElement';
  name: string;
  attributes: Array<{ type: 'mdxJsxAttribute'; name: string; value: string | { type: 'mdxJsxAttributeValueExpression'; value: string; data: { estree: EstreeNode } } }>;
  children: [];
}

/** An ESM import or export in an MDX tree, with its compiled program. */
export interface MdxjsEsm extends Node {
  type: 'mdxjsEsm';
  value: string;
  data: { estree: EstreeNode };
}

/** The ESTree expression of a JSON-like value; `undefined` properties are left out. */
export function jsonExpression(value: unknown): EstreeNode {
  if (value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) {
    return { type: 'Literal', value, raw: JSON.stringify(value) };
  }
  if (Array.isArray(value)) return { type: 'ArrayExpression', elements: value.map(jsonExpression) };
  if (typeof value === 'object') {
    const properties = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .map(([key, item]) => ({
        type: 'Property',
        kind: 'init',
        method: false,
        shorthand: false,
        computed: false,
        key: { type: 'Literal', value: key, raw: JSON.stringify(key) },
        value: jsonExpression(item),
      }));
    return { type: 'ObjectExpression', properties };
  }
  throw new TypeError(`Unexpected ${typeof value} in a component prop, expected JSON data`);
}

/** A `<name prop={value} />` block element whose props are data: strings stay text when React renders them. */
export function jsxElement(name: string, props: Record<string, unknown>): MdxJsxFlowElement {
  return {
    type: 'mdxJsxFlowElement',
    name,
    attributes: Object.entries(props).map(([prop, value]) => ({
      type: 'mdxJsxAttribute',
      name: prop,
      value: {
        type: 'mdxJsxAttributeValueExpression',
        value: JSON.stringify(value),
        data: { estree: program([{ type: 'ExpressionStatement', expression: jsonExpression(value) }]) },
      },
    })),
    children: [],
  };
}

/** `import name from 'source'` as an MDX ESM node. */
export function defaultImport(name: string, source: string): MdxjsEsm {
  const declaration = {
    type: 'ImportDeclaration',
    specifiers: [{ type: 'ImportDefaultSpecifier', local: { type: 'Identifier', name } }],
    source: { type: 'Literal', value: source, raw: JSON.stringify(source) },
  };
  return { type: 'mdxjsEsm', value: `import ${name} from ${JSON.stringify(source)};`, data: { estree: program([declaration]) } };
}

function program(body: EstreeNode[]): EstreeNode {
  return { type: 'Program', sourceType: 'module', body };
}
