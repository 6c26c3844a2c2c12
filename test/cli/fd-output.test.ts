import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { FdOutput, type FdSystem } from "../../src/cli/fd-output.js";

class Collect extends Writable {
  text = "";
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

const errno = (code: string) => Object.assign(new Error(code), { code });

/** A descriptor that takes `accept(call)` bytes per write, or refuses with the error code it returns. */
function fakeSystem(accept: (call: number) => number | string) {
  let direct = "";
  let calls = 0;
  const stream = new Collect();
  const os: FdSystem = {
    writeSync(_fd, bytes, offset) {
      const taken = accept(calls++);
      if (typeof taken === "string") throw errno(taken);
      const end = Math.min(bytes.length, offset + taken);
      direct += Buffer.from(bytes.subarray(offset, end)).toString();
      return end - offset;
    },
    stream: () => stream,
    readerGone() {
      throw new Error("reader gone");
    },
  };
  return { os, stream, direct: () => direct };
}

describe("output straight to a file descriptor", () => {
  it("writes all of a text, however little the descriptor takes at a time", () => {
    const fake = fakeSystem(() => 3);
    const output = new FdOutput(1, fake.os);
    output.write("héllo, wörld\n");
    expect(fake.direct()).toBe("héllo, wörld\n");
    expect(output.pending).toBe(false);
  });

  it("sends the rest, and everything after, through Node's stream once the descriptor would block", () => {
    const fake = fakeSystem((call) => (call < 2 ? 4 : "EAGAIN"));
    const output = new FdOutput(1, fake.os);
    output.write("0123456789");
    output.write("next\n");
    expect(fake.direct()).toBe("01234567");
    expect(fake.stream.text).toBe("89next\n");
  });

  it("stops quietly when the reader has gone, and reports any other failure", () => {
    expect(() => new FdOutput(1, fakeSystem(() => "EPIPE").os).write("x")).toThrow("reader gone");
    expect(() => new FdOutput(2, fakeSystem(() => "EIO").os).write("x")).toThrow("EIO");
  });
});
