/**
 * LSP over a stream frames each message with a `Content-Length` header. The protocol library
 * trusts that header: one message whose length is wrong (larger than its body) swallows the next
 * message's header into its body, and the reader never finds a header again, so the server stays
 * alive and answers nothing, for good, with nothing in its log. Between standard input and the
 * library this stream checks each frame and passes on only whole ones, so a broken frame costs one
 * message, which is reported, and never the connection.
 */
import { Transform, type TransformCallback } from 'node:stream';

/** How long a frame may wait, incomplete, before what it holds is looked at (see `stalled`). */
const STALL_MS = 2_000;
/** The longest header a frame may have: a few short fields. */
const MAX_HEADER = 8_192;
/** The largest message taken: a draft at the size limit, quoted as JSON, and then some. */
const MAX_MESSAGE = 64 << 20;

const HEADER_END = Buffer.from('\r\n\r\n', 'latin1');
const CONTENT_LENGTH = /^content-length: *(\d+) *$/im;
const HEADER_NAMES = [Buffer.from('Content-Length:', 'latin1'), Buffer.from('content-length:', 'latin1')];

/**
 * A stream that takes the raw bytes of standard input and gives the protocol library whole,
 * well-framed messages. `report` is told of each broken frame, in words for the server's log.
 */
export class FrameRepair extends Transform {
  // The bytes not yet passed on are `data[from, to)`; `data` grows by doubling, so a large
  // message arriving in small pieces is copied a few times, not once per piece.
  private data = Buffer.alloc(65_536);
  private from = 0;
  private to = 0;
  /** The body of the frame being read, as offsets in `data`. */
  private frame: { start: number; end: number } | undefined;
  /** How far the frame's body has been searched for a header it swallowed. */
  private searched = 0;
  private stallTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly report: (problem: string) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.append(chunk);
    this.drain();
    done();
  }

  override _flush(done: TransformCallback): void {
    clearTimeout(this.stallTimer);
    done();
  }

  private append(chunk: Buffer): void {
    if (this.to + chunk.length > this.data.length) {
      const live = this.to - this.from;
      const size = Math.max(this.data.length, (live + chunk.length) * 2);
      const next = size > this.data.length ? Buffer.alloc(size) : this.data;
      this.data.copy(next, 0, this.from, this.to);
      this.shift(this.from);
      this.data = next;
    }
    chunk.copy(this.data, this.to);
    this.to += chunk.length;
  }

  /** Moves every offset back by `by` (the bytes before `from` were dropped). */
  private shift(by: number): void {
    this.from -= by;
    this.to -= by;
    this.searched -= by;
    if (this.frame) this.frame = { start: this.frame.start - by, end: this.frame.end - by };
  }

  /** Passes on every whole frame; what is left waits for more bytes. */
  private drain(): void {
    clearTimeout(this.stallTimer);
    for (;;) {
      if (!this.frame && !this.readHeader()) return;
      const frame = this.frame!;
      const limit = Math.min(frame.end, this.to);
      // A header in the body is a frame whose length is too large: it swallowed the next message,
      // which begins there. (In JSON a header's words can stand only inside a string, where a line
      // break is written `\r\n`, escaped, so a header ending in a raw CR LF is never in a message.)
      const swallowed = this.headerAt(Math.max(frame.start, this.searched - 40), limit);
      if (swallowed >= 0) {
        this.dropBefore(swallowed, 'a message whose Content-Length was larger than its body was dropped');
        continue;
      }
      this.searched = limit;
      if (frame.end > this.to) {
        this.stallTimer = setTimeout(() => this.stalled(), STALL_MS);
        this.stallTimer.unref?.();
        return;
      }
      this.push(Buffer.from(this.data.subarray(this.from, frame.end)));
      this.from = frame.end;
      this.frame = undefined;
    }
  }

  /** Reads the header at `from`; false when it has not all come yet. */
  private readHeader(): boolean {
    const headerEnd = this.data.subarray(0, this.to).indexOf(HEADER_END, this.from);
    if (headerEnd < 0) {
      if (this.to - this.from <= MAX_HEADER) return false;
      const next = this.headerAt(this.from + 1, this.to);
      this.dropBefore(next >= 0 ? next : this.to, 'bytes that are not a message header were dropped');
      return this.readHeader();
    }
    const length = CONTENT_LENGTH.exec(this.data.toString('latin1', this.from, headerEnd));
    if (!length || headerEnd - this.from > MAX_HEADER || Number(length[1]) > MAX_MESSAGE) {
      const next = this.headerAt(this.from + 1, this.to);
      this.dropBefore(next >= 0 ? next : this.to, 'a message with no valid Content-Length header was dropped');
      return this.readHeader();
    }
    const start = headerEnd + HEADER_END.length;
    this.frame = { start, end: start + Number(length[1]) };
    this.searched = start;
    return true;
  }

  /**
   * The offset of the first `Content-Length: N` followed by a raw CR LF in `[start, end)`, or -1:
   * the start of a message's header.
   */
  private headerAt(start: number, end: number): number {
    let best = -1;
    const view = this.data.subarray(0, end);
    for (const name of HEADER_NAMES) {
      for (let at = view.indexOf(name, start); at >= 0 && (best < 0 || at < best); at = view.indexOf(name, at + 1)) {
        let j = at + name.length;
        while (j < end && this.data[j] === 0x20) j++;
        const digits = j;
        while (j < end && this.data[j]! >= 0x30 && this.data[j]! <= 0x39) j++;
        if (j > digits && j + 1 < end && this.data[j] === 0x0d && this.data[j + 1] === 0x0a) {
          best = at;
          break;
        }
      }
    }
    return best;
  }

  /** Drops everything before `at`, reporting why. */
  private dropBefore(at: number, problem: string): void {
    this.from = at;
    this.frame = undefined;
    this.report(problem);
  }

  /**
   * A frame has waited for the rest of its body and nothing came. If what came is a whole message
   * (its length was too large), it is passed on with its real length; either way it is reported.
   */
  private stalled(): void {
    const frame = this.frame;
    if (!frame) return;
    const body = this.data.subarray(frame.start, this.to);
    try {
      JSON.parse(body.toString('utf8'));
    } catch {
      this.report(`a message is incomplete: its header announces more bytes than have come (${body.length} so far)`);
      return;
    }
    this.push(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'latin1'), body]));
    this.from = this.to;
    this.frame = undefined;
    this.report('a message whose Content-Length was larger than its body was read with its real length');
  }
}
