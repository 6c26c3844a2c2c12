import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  commandText,
  dropsNetRaw,
  imageNameProblem,
  isNetRaw,
  passesSecret,
  secretValuesFound,
  writtenAsItIs,
} from "../../src/model/container-risks.js";

describe("a command line that passes a secret", () => {
  it("is found by its option, whichever way it is written, but not when a variable passes it", () => {
    expect(passesSecret(["server", "--password=hunter2"])).toBe(true);
    expect(passesSecret("redis-server --requirepass s3cret --maxmemory 100mb")).toBe(true);
    expect(passesSecret(["server", "--db-password", "${DB_PASSWORD}", "--token-file", "/run/t"])).toBe(false);
    expect(passesSecret(undefined)).toBe(false);
  });

  it("is not an option named for a secret followed by another option, which is no value", () => {
    expect(passesSecret(["app", "--session-token", "--verbose"])).toBe(false);
    expect(passesSecret("app --session-token --verbose")).toBe(false);
    expect(passesSecret(["sh", "-c", 'app --api-key --debug"'])).toBe(false);
    expect(passesSecret(["app", "--token", "--password", "hunter2"])).toBe(true);
    expect(passesSecret("app --password=-x7Yq --verbose")).toBe(true);
  });

  it("is found glued to mysql's -p and after redis-cli's -a, and not where a command's output passes it", () => {
    expect(passesSecret(["mysqladmin", "ping", "-h", "localhost", "-uroot", "-pS3cret"])).toBe(true);
    expect(passesSecret("redis-cli -a s3cret ping")).toBe(true);
    // After a lone -p, mysql reads the database's name and asks for the password.
    expect(passesSecret("mysql -p shop")).toBe(false);
    expect(passesSecret("mysqladmin ping -p$MYSQL_ROOT_PASSWORD")).toBe(false);
    expect(passesSecret('mysqladmin ping --password="$(cat /run/secrets/db-password)" --silent')).toBe(false);
    expect(passesSecret("redis-cli ping && echo -a x")).toBe(false);
    // An Authorization header written out, not one a variable fills in.
    expect(
      passesSecret([
        "sh",
        "-c",
        "curl -H 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc' x",
      ]),
    ).toBe(true);
    expect(passesSecret(["curl", "-H", "Authorization: Bearer $TOKEN", "http://x"])).toBe(false);
    // MongoDB's shell takes it after -p; alone, -p makes it ask.
    expect(passesSecret("mongosh -u admin -p 'm0ng0pass' --eval 'db.runCommand(\"ping\")'")).toBe(true);
    expect(passesSecret("mongosh -u admin -p --eval ping")).toBe(false);
    expect(passesSecret('mongosh -u admin -p "$MONGO_PASSWORD" --quiet')).toBe(false);
    expect(commandText("mysqladmin ping -uroot -pS3cret --silent")).toBe(
      "mysqladmin ping -uroot -p… --silent",
    );
    expect(commandText("mysql --password=a -pb")).toBe("mysql --password=… -p…");
  });

  it("is shown in documents without the secret, and with a variable as written", () => {
    expect(commandText(["check", "--token", "abc123", "--verbose"])).toBe("check --token … --verbose");
    expect(commandText("server --password=$PW")).toBe("server --password=$PW");
    expect(commandText(["pg_isready", "-U", "app"])).toBe("pg_isready -U app");
  });

  it("is found the same with or without the quick test for a secret word first", () => {
    const part = fc.constantFrom(
      ...'--PassWord= -pwd token: api_key apiKey x-secret requirepass masterauth -p --db-pass -Dapp.password= Authorization: Bearer $PW ${S} $(cat abc " \\" \' = : - _ mysql redis-cli -a mongosh pg://u: @ ;'.split(
        " ",
      ),
      " ",
    );
    fc.assert(
      fc.property(fc.array(part, { maxLength: 8 }), (parts) => {
        const line = parts.join("");
        const expected = secretValuesFound(line).some(({ value }) => writtenAsItIs(value));
        expect(passesSecret(line)).toBe(expected);
        expect(commandText(line) !== line).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it("is looked for in time proportional to the line's length", () => {
    const started = performance.now();
    expect(passesSecret(`${"mysql redis-cli ".repeat(40_000)}x`)).toBe(false);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe("an image reference", () => {
  it("is judged as Docker reads it: registry, lower-case repository, tag, digest", () => {
    const accepted = [
      "nginx",
      "nginx:1.27",
      "myorg/web:1.2",
      "localhost:5000/app:dev",
      `registry.example.com:5000/team/app@sha256:${"a".repeat(64)}`,
      "app:v1.0_beta-2",
      "[::1]:5000/app:1",
      "my_app__x/y--z:1",
      "gcr.io/google-samples/microservices-demo/frontend:v0.10.1",
      // A variable is left to what it will be.
      "${REGISTRY}/App:1",
    ];
    for (const image of accepted) expect(imageNameProblem(image), image).toBeUndefined();
    expect(imageNameProblem("MyOrg/Web:1.2")).toBe(
      "its repository 'MyOrg/Web' has capitals, and must be lower case",
    );
    expect(imageNameProblem("ghcr.io/Org/app:1")).toBe(
      "its repository 'Org/app' has capitals, and must be lower case",
    );
    expect(imageNameProblem("app:-bad")).toMatch(/^its tag '-bad' is not/);
    expect(imageNameProblem("app:bad tag")).toMatch(/^its tag 'bad tag' is not/);
    expect(imageNameProblem("app@sha256:123")).toBe(
      "its digest 'sha256:123' is not of the form algorithm:hex",
    );
    expect(imageNameProblem("app_:1")).toBe("its repository 'app_' is not a name Docker accepts");
    expect(imageNameProblem("bad_host.example/app:1")).toBe(
      "its registry 'bad_host.example' is not a host name",
    );
    expect(imageNameProblem(`acme/${"a".repeat(300)}:1`)).toBe(
      "its name is longer than the 255 characters Docker takes",
    );
  });
});

describe("the NET_RAW capability", () => {
  it("is known however it is written, with the CAP_ prefix or not, in any case", () => {
    for (const name of ["NET_RAW", "net_raw", "CAP_NET_RAW", "cap_Net_Raw"])
      expect(isNetRaw(name)).toBe(true);
    for (const name of ["NET_ADMIN", "NET_RAWX", "CAP_CAP_NET_RAW", "ALL", "", 1, undefined])
      expect(isNetRaw(name)).toBe(false);
  });

  it("is dropped by dropping it, or every capability, however either is written", () => {
    for (const dropped of [["NET_RAW"], ["cap_net_raw"], ["ALL"], ["all"], ["CAP_ALL"], ["CHOWN", "NET_RAW"]])
      expect(dropsNetRaw(dropped)).toBe(true);
    for (const dropped of [[], ["NET_ADMIN"], ["ALLX"], [1, null], ["CAP_CAP_ALL"]])
      expect(dropsNetRaw(dropped)).toBe(false);
  });
});
