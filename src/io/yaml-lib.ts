// The yaml library. Answer files and reports are read by the fast parsers (simple-yaml.ts,
// json-fast.ts); the library only places an error, reads what the fast parsers leave to it, or
// edits an answers file. So the CLI bundle keeps it in a file of its own and loads it on the
// first call (scripts/build.mjs replaces this module there); elsewhere it is a plain import.
import * as Yaml from 'yaml';

export function yaml(): typeof Yaml {
  return Yaml;
}
