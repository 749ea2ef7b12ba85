// The little of semantic versioning that trustcheck needs: ordering and the major version.

interface Parsed {
  numbers: [number, number, number];
  prerelease: string[];
}

function parse(version: string): Parsed {
  const [core = '', ...rest] = version.split('+')[0]!.split('-');
  const [major = 0, minor = 0, patch = 0] = core.split('.').map(Number);
  return {
    numbers: [major, minor, patch],
    prerelease: rest.length ? rest.join('-').split('.') : [],
  };
}

export function majorOf(version: string): number {
  return parse(version).numbers[0];
}

/** Negative when a < b, positive when a > b, 0 when equal in precedence. */
export function compareVersions(a: string, b: string): number {
  const pa = parse(a);
  const pb = parse(b);
  for (let i = 0; i < 3; i++) {
    const d = pa.numbers[i]! - pb.numbers[i]!;
    if (d !== 0) return d;
  }
  if (pa.prerelease.length === 0 || pb.prerelease.length === 0) {
    return pb.prerelease.length - pa.prerelease.length;
  }
  for (let i = 0; i < Math.max(pa.prerelease.length, pb.prerelease.length); i++) {
    const x = pa.prerelease[i];
    const y = pb.prerelease[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = /^\d+$/.test(x);
    const ny = /^\d+$/.test(y);
    if (nx && ny) {
      const d = Number(x) - Number(y);
      if (d !== 0) return d;
    } else if (nx !== ny) {
      return nx ? -1 : 1;
    } else if (x !== y) {
      return x < y ? -1 : 1;
    }
  }
  return 0;
}
