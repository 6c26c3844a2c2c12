import { describe, expect, it } from "vitest";
import { portNameProblem } from "../../src/import/kubernetes/port-names.js";

describe("a Kubernetes port name", () => {
  it("is taken when it is an IANA service name", () => {
    for (const name of ["http", "grpc-web", "metrics", "h2c", "a1", "x".repeat(15)])
      expect(portNameProblem(name), name).toBeUndefined();
  });

  it("is refused, saying why, otherwise", () => {
    expect(portNameProblem("x".repeat(16))).toBe("it is longer than 15 characters");
    expect(portNameProblem("HTTP")).toBe("it holds other than lower-case letters, digits and '-'");
    expect(portNameProblem("web_ui")).toBe("it holds other than lower-case letters, digits and '-'");
    expect(portNameProblem("8080")).toBe("it has no letter");
    expect(portNameProblem("-web")).toBe("it starts or ends with '-', or has two together");
    expect(portNameProblem("grpc--web")).toBe("it starts or ends with '-', or has two together");
  });
});
