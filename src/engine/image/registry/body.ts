// Reading response bodies from a registry, which may be hostile: bodies we keep are read
// up to a limit and no further, so a registry cannot make us buffer without end.
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';

/** The first value of a response header. */
export function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Every value of a header a server may repeat, such as WWW-Authenticate. */
export function headerValues(headers: IncomingHttpHeaders, name: string): string[] {
  const value = headers[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * The whole body, or tooLarge() as soon as it passes limit bytes: by its Content-Length
 * before reading, or while streaming when it has none or lies.
 */
export async function readLimited(
  body: Readable,
  headers: IncomingHttpHeaders,
  limit: number,
  tooLarge: () => Error,
): Promise<Buffer> {
  const declared = Number(header(headers, 'content-length'));
  if (declared > limit) {
    body.destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  // Throwing out of the loop destroys the stream, which closes the connection.
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}
