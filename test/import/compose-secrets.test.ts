import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkModel } from "../../src/check/index.js";
import { importCompose, loadComposeAsModel } from "../../src/import/compose/index.js";
import { interpolate, parseDotEnv, variablesIn } from "../../src/import/compose/interpolate.js";
import { secretLike } from "../../src/model/secret-like.js";
import { runCli } from "../helpers/cli.js";
import { folderWith } from "../helpers/files.js";

const folder = (files: Record<string, string>) => folderWith(files, "deployview-secrets-");

const compose = [
  "services:",
  "  db:",
  "    image: postgres:16",
  "    environment:",
  "      POSTGRES_PASSWORD: ${DB_PASSWORD}",
  "      POSTGRES_DB: ${DB_NAME}",
  "      DATABASE_URL: postgres://app:${DB_PASSWORD}@db:5432/app",
  "      ADMIN_PASSWORD: ${ADMIN_PASSWORD:-changeme}",
  "    healthcheck:",
  '      test: ["CMD-SHELL", "pg_isready -U app --password ${DB_PASSWORD}"]',
  "",
].join("\n");

describe("interpolation that keeps a variable as written", () => {
  const env = { SECRET: "hunter2", PLAIN: "shop" };
  const keep = (name: string) => name === "SECRET";

  it("keeps what comes from the environment, and substitutes a default written in the text", () => {
    const result = interpolate("${SECRET} $SECRET ${PLAIN} ${SECRET:-x} ${UNSET_SECRET:-d}", env, keep);
    expect(result.value).toBe("${SECRET} $SECRET shop ${SECRET:-x} d");
    expect(result.kept).toEqual(["SECRET", "SECRET", "SECRET"]);
  });

  it("still reports a kept variable that is unset or required", () => {
    const keepAll = () => true;
    expect(interpolate("${GONE}", {}, keepAll).unset).toEqual(["GONE"]);
    expect(interpolate("${GONE:?set it}", {}, keepAll).missing).toEqual([
      { name: "GONE", message: "set it" },
    ]);
    expect(interpolate("${GONE:?set it}", {}, keepAll).value).toBe("${GONE:?set it}");
  });

  it("gives an alternative value when the variable is set, empty text when not, and never the variable's own value", () => {
    const env = { SET: "s3cret", EMPTY: "", TAG: "1.2" };
    expect(interpolate("${SET:+on}|${EMPTY:+on}|${GONE:+on}", env).value).toBe("on||");
    expect(interpolate("${SET+on}|${EMPTY+on}|${GONE+on}", env).value).toBe("on|on|");
    const image = interpolate("web${TAG:+:$TAG}|web${NOTAG:+:$NOTAG}", env);
    expect(image.value).toBe("web:1.2|web");
    // A variable only tested, and one in an alternative not taken, is no unset variable.
    expect(image.unset).toEqual([]);
  });

  it("leaves a ${ never closed as written, says so, and reads a text of many in linear time", () => {
    const result = interpolate("a ${B:-x} ${C} $$ ${E:-open $F", { C: "c", F: "f" });
    expect(result.value).toBe("a x c $ ${E:-open $F");
    expect(result.unclosed).toBe("${E:-open $F");
    const started = performance.now();
    expect(interpolate("${A:-".repeat(100_000), {}).unclosed).toBeDefined();
    expect(variablesIn("${A:-".repeat(100_000))).toEqual([]);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("reports a ${ never closed in a compose file where it opens, as the error Compose makes of it", async () => {
    const folder = folderWith({
      "compose.yaml": "services:\n  app:\n    image: app:1.0\n    environment:\n      A: ${E:-open\n",
    });
    const loaded = await loadComposeAsModel([join(folder, "compose.yaml")]);
    const found = loaded.diagnostics.filter((d) => d.code === "schema-invalid-value");
    expect(found.map((d) => [d.message, d.start, d.end])).toEqual([
      ["${E opens a variable and never closes it, which Compose refuses", 62, 65],
    ]);
  });
});

describe("a .env file", () => {
  it("ends an unquoted value at a comment after a space, in linear time however many spaces it has", () => {
    expect(parseDotEnv("A=x # c\nB=y#z\nC='q # r'\nD=  v   \t# w\n")).toEqual({
      A: "x",
      B: "y#z",
      C: "q # r",
      D: "v",
    });
    const started = performance.now();
    expect(parseDotEnv(`A=x${" ".repeat(400_000)}y`).A).toBe(`x${" ".repeat(400_000)}y`);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe("secrets in a compose file's variables", () => {
  it("never reach the model: a whole value becomes a secret the environment supplies", async () => {
    const root = folder({ "compose.yaml": compose, ".env": "DB_PASSWORD=hunter2real\nDB_NAME=app\n" });
    const { imported } = await importCompose([join(root, "compose.yaml")]);
    const input = JSON.stringify(imported!.input);
    expect(input).not.toContain("hunter2real");
    const db = imported!.input.services!.db!;
    expect(db.env).toEqual({
      POSTGRES_PASSWORD: { secret: "db-password" },
      POSTGRES_DB: "app",
      DATABASE_URL: "postgres://app:${DB_PASSWORD}@db:5432/app",
      ADMIN_PASSWORD: "changeme",
    });
    expect(imported!.input.secrets).toEqual({ "db-password": { source: "env", env: "DB_PASSWORD" } });
  });

  it("are not reported as plain text where the file refers to a variable, but a written default is", async () => {
    const root = folder({ "compose.yaml": compose, ".env": "DB_PASSWORD=hunter2real\nDB_NAME=app\n" });
    const loaded = await loadComposeAsModel([join(root, "compose.yaml")]);
    const findings = checkModel(loaded.model!, { sources: loaded.sources });
    const plaintext = findings.filter((d) => d.code === "plaintext-secret");
    expect(plaintext.map((d) => d.message)).toEqual([
      "'ADMIN_PASSWORD' of 'db' holds what looks like a secret in plain text",
    ]);
    expect(findings.filter((d) => d.code === "secret-in-command")).toEqual([]);
  });

  it("stay out where only the key the variable fills looks secret, and are not reported as written in the file", async () => {
    const root = folder({
      "compose.yaml": [
        "services:",
        "  db:",
        "    image: postgres:16",
        "    environment:",
        "      POSTGRES_PASSWORD: ${DB_CRED}",
        "      API_KEY: ${API}",
        "      DATABASE_URL: postgres://app:${DB_CRED}@db/app",
        "      POSTGRES_USER: ${DB_USER}",
        "  worker:",
        "    image: shop/worker:1.0",
        "    environment: ['SMTP_PASSWORD=${MAIL_CRED}']",
        "    command: [serve, '--password=${DB_CRED}']",
        "",
      ].join("\n"),
      ".env": "DB_CRED=hunter2real\nAPI=abc123def456\nDB_USER=shop\nMAIL_CRED=m41lpass\n",
    });
    const loaded = await loadComposeAsModel([join(root, "compose.yaml")]);
    const model = JSON.stringify(loaded.model!.services.map((s) => [s.env, s.command]));
    for (const value of ["hunter2real", "abc123def456", "m41lpass"]) expect(model).not.toContain(value);
    expect(model).toContain('"shop"');
    const found = checkModel(loaded.model!, { sources: loaded.sources });
    expect(found.filter((d) => d.code === "plaintext-secret" || d.code === "secret-in-command")).toEqual([]);
  });

  it("stay out of the model init writes, whose generated compose file asks for them again", async () => {
    const root = folder({ "compose.yaml": compose, ".env": "DB_PASSWORD=hunter2real\nDB_NAME=app\n" });
    expect((await runCli(["init", root])).code).toBe(0);
    const model = readFileSync(join(root, "deployview.yaml"), "utf8");
    expect(model).not.toContain("hunter2real");
    expect(model).toContain("env: DB_PASSWORD");
    const out = join(root, "out");
    expect(
      (await runCli(["compose", join(root, "deployview.yaml"), "--env", "local", "--out", out])).code,
    ).toBe(0);
    const generated = readFileSync(join(out, "compose.yaml"), "utf8");
    expect(generated).toContain("POSTGRES_PASSWORD: ${DB_PASSWORD:?");
    expect(generated).not.toContain("hunter2real");
    // A value made with a secret variable (a URL) is asked for whole, as a secret named after it.
    expect(generated).toContain("DATABASE_URL: ${DATABASE_URL:?set database-url (see .env.example)}");
    expect(readFileSync(join(out, ".env.example"), "utf8")).toContain("DATABASE_URL=change-me");
  });
});

describe("a variable passed on with no value", () => {
  it("is a secret the environment supplies where its name looks secret, and passed on as it is otherwise", async () => {
    const root = folder({
      "compose.yaml":
        "services:\n  api:\n    image: a:1\n    environment:\n      API_TOKEN:\n      REGION:\n  worker:\n    image: b:1\n    environment: [SMTP_PASS, MODE, 'EMPTY_SECRET=']\n",
    });
    const { imported } = await importCompose([join(root, "compose.yaml")]);
    const services = imported!.input.services!;
    expect(services.api!.env).toEqual({ API_TOKEN: { secret: "api-token" }, REGION: null });
    expect(services.worker!.env).toEqual({
      SMTP_PASS: { secret: "smtp-pass" },
      MODE: null,
      EMPTY_SECRET: "",
    });
    expect(imported!.input.secrets).toEqual({
      "api-token": { source: "env", env: "API_TOKEN" },
      "smtp-pass": { source: "env", env: "SMTP_PASS" },
    });
  });
});

describe("an example env file where no .env is committed", () => {
  const example =
    "DB_PASSWORD=your-super-secret-password\nDB_NAME=app\nREQUIRED_EMPTY=\n# OPTIONAL=--verbose\nDATABASE_URL=postgres://app:placeholder@db/app\nPASSED_ON\n";
  const text =
    "services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${DB_PASSWORD}\n      POSTGRES_DB: ${DB_NAME}\n      MAIL: ${REQUIRED_EMPTY:?set a mail address}\n      OTHER: ${UNDOCUMENTED}\n      DATABASE_URL: ${DATABASE_URL}\n      PASSED_ON: ${PASSED_ON}\n    command: run $OPTIONAL\n";

  it("documents its variables, commented-out ones and ones named without a value too: they are not unset, its values stand in, and its placeholders stay out", async () => {
    const root = folder({ "compose.yaml": text, ".env.example": example });
    const loaded = await loadComposeAsModel([join(root, "compose.yaml")]);
    expect(loaded.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([
      "compose-unset-variable the variable UNDOCUMENTED is not set and has no default, and .env.example does not list it",
      'compose-required-variable the variable REQUIRED_EMPTY is required, and not set: "set a mail address"',
    ]);
    const db = loaded.model!.services.find((s) => s.id === "db")!;
    const value = (name: string) => db.env.find((v) => v.name === name)?.value;
    expect(value("POSTGRES_DB")).toEqual({ kind: "plain", value: "app" });
    expect(value("POSTGRES_PASSWORD")).toMatchObject({ kind: "secret", secret: "db-password" });
    expect(value("DATABASE_URL")).toMatchObject({ kind: "secret", secret: "database-url" });
    const findings = checkModel(loaded.model!, { sources: loaded.sources });
    expect(findings.filter((d) => d.code === "plaintext-secret")).toEqual([]);
    // Not set either, it is reported once, as unset, the finding saying both.
    expect(findings.filter((d) => d.code === "undocumented-variable")).toEqual([]);
  });
});

describe("a default that looks secret", () => {
  it("is found in the file whatever .env sets, and once where the default is what runs", async () => {
    const compose =
      "services:\n  db:\n    image: postgres:16.2\n    environment:\n      POSTGRES_PASSWORD: ${DB_PASSWORD:-hunter2}\n      POSTGRES_USER: ${DB_USER:-app}\n";
    const found = async (files: Record<string, string>) => {
      const folder = folderWith(files);
      const loaded = await loadComposeAsModel([join(folder, "compose.yaml")]);
      return checkModel(loaded.model!, { sources: loaded.sources })
        .filter((d) => d.code === "plaintext-secret")
        .map((d) => d.message);
    };
    expect(
      await found({ "compose.yaml": compose, ".env": "DB_PASSWORD=s3cret-from-env\nDB_USER=u\n" }),
    ).toEqual([
      "the default of ${DB_PASSWORD} holds what looks like a secret in plain text, in the file whatever .env or the environment sets",
    ]);
    expect(await found({ "compose.yaml": compose })).toEqual([
      "'POSTGRES_PASSWORD' of 'db' holds what looks like a secret in plain text",
    ]);
  });
});

describe("names and values that look secret", () => {
  /** The entries secretLike judges as `secret` says: the test wants none of them, so it names the wrong ones. */
  const judged = (entries: [string, string][], secret: boolean) =>
    entries.filter(([name, value]) => (secretLike(name, value) !== undefined) === secret);

  it("are the short words for a password, auth keys and headers, and options that pass one", () => {
    expect(
      judged(
        [
          ["MYSQL_PWD", "x9Kq2mZ7"],
          ["LDAP_BIND_PW", "s3cr3t"],
          ["TS_AUTHKEY", "tskey-auth-abc"],
          ["BASIC_AUTH", "admin:admin123"],
          ["AUTH", "Bearer abcdefghijklmnopqrstuvwxyz012345"],
          ["UPSTREAM_HEADER", "Authorization: Bearer abcdef0123456789abcdef"],
          ["JAVA_OPTS", "-Xmx1g -Djavax.net.ssl.keyStorePassword=k3yst0re"],
          // The cookie Erlang nodes prove themselves with: whoever has it runs code on the broker.
          ["RABBITMQ_ERLANG_COOKIE", "s3cr3tc00kie"],
          ["COUCHDB_ERLANG_COOKIE", "mycookie"],
          ["ERLANG_COOKIE", "mycookie"],
        ],
        false,
      ),
    ).toEqual([]);
  });

  it("are not settings about a secret, names of variables, or the working directory", () => {
    expect(
      judged(
        [
          ["PWD", "/home/app"],
          ["OLDPWD", "/tmp"],
          ["PASSWORD_HASHERS", "argon2,bcrypt"],
          ["PASSWORD_ENCODER", "pbkdf2"],
          ["PASSWORD_HASH_ROUNDS", "10"],
          ["PBKDF2_ITERATIONS", "100000"],
          ["DB_PASSWORD_ENV_VAR", "DB_PASSWORD"],
          ["OIDC_CLIENT_SECRET_ENV", "OIDC_SECRET"],
          ["SESSION_COOKIE", "sessionid"],
          ["JAVA_OPTS", "-Xmx1g -Dfile.encoding=UTF-8 -Dspring.datasource.password=${DB_PASSWORD}"],
        ],
        true,
      ),
    ).toEqual([]);
  });

  it("are not where a secret is kept: a cloud secret's ARN, a key's file name, the store or mount that holds it", () => {
    expect(
      judged(
        [
          ["SECRET_ARN", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf"],
          ["DB_PASSWORD", "arn:aws:ssm:eu-west-1:123456789012:parameter/db/password"],
          ["SSL_KEY", "server.key"],
          ["PRIVATE_KEY", "key.pem"],
          ["KEYSTORE_PASSWORD_FILE", "keystore.p12"],
          ["GOOGLE_CREDENTIALS", "service-account.json"],
          ["SECRET_MANAGER", "vault"],
          ["SECRET_MOUNT", "kv"],
          ["AUTH_PASSWORD_VALIDATORS", "django.contrib.auth.password_validation.MinimumLengthValidator"],
        ],
        true,
      ),
    ).toEqual([]);
    // A secret with a dot in it is still one: only a key's or certificate's file ends so.
    expect(
      judged(
        [
          ["DB_PASSWORD", "s3cr3t.pass"],
          ["API_KEY", "abc.def"],
        ],
        false,
      ),
    ).toEqual([]);
  });

  it("are not a switch, a cache or an account that a secret's name only qualifies", () => {
    expect(
      judged(
        [
          ["SECRET_KEY_BASE_DUMMY", "1"],
          ["SECRET_KEY_BASE_DUMMY", "0"],
          ["TOKEN_CACHE", "redis"],
          ["API_TOKEN_CACHE", "memory"],
          ["API_KEY_ACCOUNT", "main"],
          ["SERVICE_TOKEN_ACCOUNT", "deploy-bot"],
        ],
        true,
      ),
    ).toEqual([]);
    // The secrets themselves, and a stand-in's name given what is no switch.
    expect(
      judged(
        [
          ["API_KEY", "abc123"],
          ["SECRET_KEY_BASE", "9f3c1e7a0b4d8e2f6a5c3b1d7e9f0a2c4e6b8d1f3a5c7e9b0d2f4a6c8e1b3d5f7"],
          ["SECRET_KEY_BASE", "1"],
          ["SECRET_KEY_BASE_DUMMY", "9f3c1e7a0b4d8e2f6a5c3b1d7e9f0a2c"],
          ["TOKEN_CACHE_PASSWORD", "redis"],
          ["ACCOUNT_API_KEY", "main"],
        ],
        false,
      ),
    ).toEqual([]);
  });

  it("are not keys that name data (a sort, partition or routing key), nor keys meant for the browser", () => {
    expect(
      judged(
        [
          ["SORT_KEY", "name"],
          ["PRIMARY_KEY", "id"],
          ["PARTITION_KEY", "tenant_id"],
          ["CACHE_KEY", "sessions"],
          ["ROUTING_KEY", "orders.created"],
          ["STRIPE_PUBLISHABLE_KEY", "pk_live_51HxYzAbCdEfGhIjKlMnOpQr"],
          ["NEXT_PUBLIC_STRIPE_KEY", "pk_test_51HxYzAbCdEfGhIjKlMnOpQr"],
          ["RECAPTCHA_SITE_KEY", "6LeIxAcTAAAAAJcZVRqyHh71UMIEGNQ_MXjiZKhI"],
          ["HCAPTCHA_SITEKEY", "10000000-ffff-ffff-ffff-000000000001"],
        ],
        true,
      ),
    ).toEqual([]);
    // Keys that open something, the same words around them or not.
    expect(
      judged(
        [
          ["ENCRYPTION_KEY", "0123456789abcdef0123456789abcdef"],
          ["CACHE_ENCRYPTION_KEY", "hunter2hunter2"],
          ["RECAPTCHA_SECRET_KEY", "6LeIxAcTAAAAAGG-vFI1TnRWxMZNFuojJ4WifJWe"],
          ["STRIPE_SECRET_KEY", "abcdefghijklmnop"],
          ["MEILI_MASTER_KEY", "masterKey123"],
          ["APP_KEY", "base64:2fl+Ktvkfl+Fuz4Qp/A75G2RTiWVA/ZoKZvp6fiiM10="],
        ],
        false,
      ),
    ).toEqual([]);
  });

  it("are not public keys, which are meant to be shared, or the path of the file that holds a key", () => {
    expect(
      judged(
        [
          ["JWT_PUBLIC_KEY", "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0t"],
          ["PUBLIC_KEY", "abcdefghijklmnopqrstuvwxyz0123456789ABCD"],
          ["SSH_PUBLIC_KEY", "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 user@host"],
          ["DEPLOY_KEY", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG user@host"],
          ["SIGNING_KEY", "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEF\n-----END PUBLIC KEY-----"],
          ["SSL_KEY", "./certs/server.key"],
          ["SECRET_KEY", "../secrets/key.pem"],
          ["PRIVATE_KEY_PATH", "/run/secrets/key"],
        ],
        true,
      ),
    ).toEqual([]);
    // A private key is a secret whatever the variable is called, and a key's value is not a path for having a slash.
    expect(
      judged(
        [
          [
            "PUBLIC_KEY",
            "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEF\n-----END PRIVATE KEY-----",
          ],
          ["API_KEY", "ab/cdef+ghij"],
          ["LOGFLARE_PUBLIC_ACCESS_TOKEN", "8f1c2b9a7d"],
          ["SECRET_KEY", "./"],
        ],
        false,
      ),
    ).toEqual([]);
  });
});

describe("a URL's credentials", () => {
  it("are plain text when written, not when the password is a variable", () => {
    expect(secretLike("DATABASE_URL", "postgres://app:hunter2@db/app")).toBe("holds a URL with credentials");
    expect(secretLike("DATABASE_URL", "postgres://app:${DB_PASSWORD}@db/app")).toBeUndefined();
    expect(secretLike("DATABASE_URL", "postgres://app:$DB_PASSWORD@db/app")).toBeUndefined();
    // The kubelet fills in $(NAME) from another variable of the container, a Secret's key as a rule.
    expect(secretLike("DATABASE_URL", "postgres://app:$(DB_PASSWORD)@db/app")).toBeUndefined();
    expect(secretLike("DATABASE_URL", "postgres://app:$(DB_PASSWORD@db/app")).toBe(
      "holds a URL with credentials",
    );
    expect(secretLike("DATABASE_URL", "postgres://app:x${DB_PASSWORD}@db/app")).toBe(
      "holds a URL with credentials",
    );
    // The user may be left out; a password to be filled in by a template is none yet.
    expect(secretLike("REDIS_URL", "redis://:p4ssw0rd@cache:6379/0")).toBe("holds a URL with credentials");
    expect(secretLike("REDIS_URL", "redis://:{{ redis_password }}@cache:6379/0")).toBeUndefined();
    expect(secretLike("REDIS_URL", "redis://cache:6379/0")).toBeUndefined();
  });
});

describe("access tokens and keys known by their form", () => {
  it.each([
    ["ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789", "holds a GitHub token"],
    ["github_pat_11ABCDEFG0abcdefghijkl_mnopqrstuvwxyz0123456789", "holds a GitHub token"],
    ["glpat-abcdefghij0123456789", "holds a GitLab token"],
    ["xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx", "holds a Slack token"],
    [
      "https://hooks.slack.com/services/T0A1B2C3D/B4E5F6G7H/AbCdEfGhIjKlMnOpQrStUvWx",
      "holds a Slack webhook",
    ],
    ["sk_live_4eC39HqLyjWDarjtT1zdp7dc", "holds a Stripe key"],
    ["AKIAIOSFODNN7EXAMPLE", "holds an AWS access key"],
    ["AIzaSyD-abcdefghijklmnopqrstuvwxyz01234", "holds a Google API key"],
    ["npm_abcdefghijklmnopqrstuvwxyz0123456789", "holds an npm token"],
    ["sk-proj-abcdefghijklmnopqrstuvwxyz0123456789ABCD", "holds an OpenAI or Anthropic key"],
  ])("are secret under any name: %s", (value, why) => {
    expect(secretLike("SETTING", value)).toBe(why);
  });

  it.each([
    "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
    "ghp_short",
    "AKIA-not-a-key",
    "sk-learn",
    "xoxb",
    "https://hooks.slack.com/services/",
  ])("are not what only begins like one: %s", (value) => {
    expect(secretLike("SETTING", value)).toBeUndefined();
  });

  it("leave out a value that stands for one to be filled in", () => {
    for (const value of ["{{ vault_token }}", "${{ secrets.API_TOKEN }}", "<your-token>"])
      expect(secretLike("API_TOKEN", value), value).toBeUndefined();
    expect(secretLike("API_TOKEN", "changeme")).toBe("holds what looks like a secret");
  });
});

describe("what looks secret", () => {
  it("includes keys, PASS as a word and signed tokens", () => {
    for (const name of [
      "DB_ENC_KEY",
      "SERVICE_ROLE_KEY",
      "KEY",
      "SMTP_PASS",
      "RABBITMQ_DEFAULT_PASS",
      "PASS_FOR_ADMIN",
      "PAPERLESS_DBPASS",
      "PGPASS",
      "dbPass",
      "REDIS_AUTH",
    ])
      expect(secretLike(name, "x"), name).toBe("holds what looks like a secret");
    const jwt = "eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoic2VydmljZSJ9.c2lnbmF0dXJl";
    expect(secretLike("SUPABASE_CLIENT", jwt)).toBe("holds a signed token");
  });

  it("leaves out words that only contain them", () => {
    for (const name of [
      "KEYCLOAK_URL",
      "MONKEY",
      "BYPASS_CACHE",
      "COMPASS_URL",
      "KEY_PREFIX_MODE",
      "PASSENGER_COUNT",
      "PROXY_BYPASS",
      "CACHE_SURPASS",
      "OAUTH",
      "GOOGLE_OAUTH",
    ])
      expect(secretLike(name, "x"), name).toBeUndefined();
    // How to authenticate, not with what.
    for (const value of ["login", "PLAIN", "scram-sha-256", "none"])
      expect(secretLike("SMTP_AUTH", value), value).toBeUndefined();
    expect(secretLike("GREETING", "eyJ not a token")).toBeUndefined();
  });
});
