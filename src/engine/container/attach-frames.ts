// The frames of the attach socket (docs/containers.md, "Attach protocol"): one byte
// of type, four bytes of big-endian payload length, the payload. A stream socket cuts
// them anywhere, so the decoder keeps what it has until a frame is whole.

/** Monitor to client. */
export const FRAME_STDOUT = 1;
export const FRAME_STDERR = 2;
export const FRAME_EXIT = 3;

/** Client to monitor. */
export const FRAME_STDIN = 1;
export const FRAME_STDIN_CLOSE = 2;
export const FRAME_RESIZE = 3;

const HEADER = 5;

/** No frame from the monitor comes near this; a bigger length means a broken stream. */
export const MAX_FRAME_PAYLOAD = 16 * 1024 * 1024;

export interface Frame {
  type: number;
  payload: Buffer;
}

export function encodeFrame(type: number, payload: Buffer = Buffer.alloc(0)): Buffer {
  const header = Buffer.alloc(HEADER);
  header.writeUInt8(type, 0);
  header.writeUInt32BE(payload.length, 1);
  return Buffer.concat([header, payload]);
}

export function resizeFrame(rows: number, cols: number): Buffer {
  return encodeFrame(FRAME_RESIZE, Buffer.from(`${rows} ${cols}`));
}

export class FrameDecoder {
  private pending: Buffer = Buffer.alloc(0);

  /** The frames completed by this chunk, in order. Throws on a length past MAX_FRAME_PAYLOAD. */
  push(chunk: Buffer): Frame[] {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const frames: Frame[] = [];
    let at = 0;
    while (this.pending.length - at >= HEADER) {
      const length = this.pending.readUInt32BE(at + 1);
      if (length > MAX_FRAME_PAYLOAD) throw new Error(`attach frame of ${length} bytes: the stream is corrupt`);
      if (this.pending.length - at - HEADER < length) break;
      const type = this.pending.readUInt8(at);
      // A copy, so that a consumer keeping the payload does not pin the whole chunk.
      frames.push({ type, payload: Buffer.from(this.pending.subarray(at + HEADER, at + HEADER + length)) });
      at += HEADER + length;
    }
    this.pending = this.pending.subarray(at);
    return frames;
  }

  /** Bytes of a frame not yet whole (the stream ended mid-frame if this is not 0). */
  get buffered(): number {
    return this.pending.length;
  }
}
