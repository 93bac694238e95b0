/** The version in the first line of a tool's `--version` output ("slirp4netns version 1.2.0"). */
export function parseToolVersion(output: string): string {
  const first = output.split('\n')[0] ?? '';
  const m = /(?:^|\s)v?(\d+(?:[.~+:^_-]\w+)*)/.exec(first);
  return m ? m[1]! : 'unknown';
}
