// node:crypto, loaded on first use: most runs neither hash a file nor draw a temp file's name,
// and loading it costs a few milliseconds of every start.
import { createRequire } from 'node:module';
import type * as Crypto from 'node:crypto';

let lib: typeof Crypto | undefined;

export function crypto(): typeof Crypto {
  lib ??= createRequire(import.meta.url)('node:crypto') as typeof Crypto;
  return lib;
}
