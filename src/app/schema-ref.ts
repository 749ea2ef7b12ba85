// The `$schema` reference an answers file gets, for editors (yaml-language-server).
import { dirname, relative, resolve, sep } from 'node:path';
import { VERSION } from '../version.js';
import { packageRoot } from './registry.js';

/**
 * Where editors find the answers schema: the local install when trustcheck runs from the
 * folder's node_modules, else the published copy of this version.
 */
export function schemaRefFor(file: string | undefined): string {
  const published = `https://unpkg.com/trustcheck@${VERSION}/schemas/answers.schema.json`;
  if (file === undefined) return published;
  const folder = dirname(resolve(file));
  const root = packageRoot();
  const local = resolve(root, 'schemas', 'answers.schema.json');
  if (!root.split(sep).includes('node_modules')) return published;
  const rel = relative(folder, local).split(sep).join('/');
  return rel.startsWith('.') ? rel : `./${rel}`;
}
