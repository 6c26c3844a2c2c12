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

  it("drops the rest quietly once the reader has gone, and reports any other failure", () => {
    const fake = fakeSystem((call) => (call === 0 ? 2 : "EPIPE"));
    const output = new FdOutput(1, fake.os);
    expect(() => output.write("head")).not.toThrow();
    expect(() => output.write("tail")).not.toThrow();
    expect(fake.direct()).toBe("he");
    expect(output.pending).toBe(false);
    expect(() => new FdOutput(2, fakeSystem(() => "EIO").os).write("x")).toThrow("EIO");
  });

  it("drops the rest quietly when the reader goes while Node's stream holds some", () => {
    const fake = fakeSystem(() => "EAGAIN");
    const output = new FdOutput(1, fake.os);
    output.write("held");
    fake.stream.emit("error", errno("EPIPE"));
    output.write("after");
    expect(fake.stream.text).toBe("held");
    expect(output.pending).toBe(false);
  });
});
