// Every published schema bounds its sizes, so that ajv refuses an oversized value before the
// expensive keywords run over it: arrays have maxItems, free strings maxLength, and the open
// objects of request bodies maxProperties.
import { loadFormsFolder } from '../../server/forms/form-registry';
import { requestSchemas, responseSchemas } from '../../server/published-schemas';
import { formsDir } from '../../server/paths';

type Node = Record<string, unknown>;
const isNode = (s: unknown): s is Node => typeof s === 'object' && s !== null && !Array.isArray(s);

/** Every subschema with its path. */
function* subschemas(node: unknown, path: string): Generator<[Node, string]> {
  if (!isNode(node)) return;
  yield [node, path];
  for (const k of ['properties', 'patternProperties', 'definitions', '$defs']) {
    if (isNode(node[k])) for (const [name, s] of Object.entries(node[k])) yield* subschemas(s, `${path}.${k}.${name}`);
  }
  for (const k of [
    'additionalProperties',
    'additionalItems',
    'propertyNames',
    'items',
    'contains',
    'not',
    'if',
    'then',
    'else',
  ]) {
    yield* subschemas(node[k], `${path}.${k}`);
  }
  for (const k of ['items', 'anyOf', 'oneOf', 'allOf']) {
    if (Array.isArray(node[k]))
      for (const [i, s] of (node[k] as unknown[]).entries()) yield* subschemas(s, `${path}.${k}[${i}]`);
  }
}

/** Values whose length the schema already fixes: enums, constants, anchored patterns without open repeats. */
function naturallyBounded(node: Node): boolean {
  if ('enum' in node || 'const' in node) return true;
  const pattern = node.pattern;
  return typeof pattern === 'string' && /^\^.*\$$/.test(pattern) && !/[*+]|\{\d+,\}/.test(pattern);
}

function unbounded(schema: unknown, name: string, { objects }: { objects: boolean }): string[] {
  const found: string[] = [];
  for (const [node, path] of subschemas(schema, name)) {
    const types = ([] as unknown[]).concat(node.type ?? []);
    if ((types.includes('array') || 'items' in node) && node.maxItems === undefined)
      found.push(`${path}: array without maxItems`);
    const stringy = types.includes('string') || ['pattern', 'format', 'minLength'].some((k) => k in node);
    if (stringy && node.maxLength === undefined && !naturallyBounded(node))
      found.push(`${path}: string without maxLength`);
    if (objects && types.includes('object') && node.additionalProperties !== false && node.maxProperties === undefined)
      found.push(`${path}: open object without maxProperties`);
  }
  return found;
}

describe('The published schemas', () => {
  it('bound every array and free string of the request bodies, and their open objects', () => {
    expect(requestSchemas.flatMap((s) => unbounded(s, s.$id, { objects: true }))).toEqual([]);
  });

  it('bound every array and free string of the responses they describe', () => {
    expect(responseSchemas.flatMap((s) => unbounded(s, s.$id, { objects: false }))).toEqual([]);
  });

  it('bound every array and free string of each form’s answer schema', () => {
    const forms = loadFormsFolder(formsDir).list();
    expect(forms.length).toBeGreaterThan(0);
    expect(forms.flatMap((f) => unbounded(f.answerSchema, `${f.formId}-answers`, { objects: true }))).toEqual([]);
  });

  it('notice what they are meant to: an unbounded array, string or open object', () => {
    const loose = {
      type: 'object',
      properties: { a: { type: 'array', items: { type: 'string', pattern: '^x+$' } }, b: { type: 'object' } },
    };
    expect(unbounded(loose, 'loose', { objects: true }).sort()).toEqual([
      'loose.properties.a.items: string without maxLength',
      'loose.properties.a: array without maxItems',
      'loose.properties.b: open object without maxProperties',
      'loose: open object without maxProperties',
    ]);
  });
});
