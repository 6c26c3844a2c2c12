import { literalSecrets } from "./container-risks.js";
import { referencedNames, wholeReference } from "./variable-reference.js";

/**
 * Access tokens and keys known by their form, whatever the variable is called: each service gives
 * its own a prefix so that scanners find them (GitHub's ghp_, Slack's xoxb-, Stripe's sk_live_).
 */
const TOKEN_FORMS: [form: RegExp, what: string][] = [
  [/^(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_\w{22,})$/, "a GitHub token"],
  [/^glpat-[\w-]{20,}$/, "a GitLab token"],
  [/^xox[abposr]-[A-Za-z0-9-]{10,}$/, "a Slack token"],
  // The address of an incoming webhook is its own key: whoever has it posts to the channel.
  [/^https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]{16,}$/, "a Slack webhook"],
  [/^[sr]k_live_[A-Za-z0-9]{16,}$/, "a Stripe key"],
  [/^(?:AKIA|ASIA)[A-Z0-9]{16}$/, "an AWS access key"],
  [/^AIza[\w-]{35}$/, "a Google API key"],
  [/^npm_[A-Za-z0-9]{36}$/, "an npm token"],
  [/^SG\.[\w-]{22}\.[\w-]{43}$/, "a SendGrid key"],
  [/^sk-(?:proj-|ant-api\d\d-)?[\w-]{32,}$/, "an OpenAI or Anthropic key"],
];

/** The beginnings of TOKEN_FORMS: one test of a value rules them all out, where most values start otherwise. */
const TOKEN_START =
  /^(?:gh[pousr]_|github_pat_|glpat-|xox|https:\/\/hooks\.slack\.com\/|[sr]k_live_|A[KS]IA|AIza|npm_|SG\.|sk-)/;

/** A value that stands for one to be filled in by a template or by hand: {{ token }}, <your-token>. */
const PLACEHOLDER = /^(?:\{\{[^{}]*\}\}|\$\{\{[^{}]*\}\}|<[^<>]+>)$/;

/** A variable the kubelet fills in from another of the container's (`$(DB_PASSWORD)`). */
const KUBELET_REFERENCE = /^\$\([A-Za-z_][A-Za-z0-9_]*\)$/;

/**
 * A password in a connection string of the key=value; form (ADO.NET, ODBC, JDBC properties), in a
 * URL's query (jdbc:mysql://db/shop?user=shop&password=…) or in libpq's form (host=db password=…).
 */
const CONNECTION_PASSWORD = /(?:^|[;?&\s])\s*(?:password|pwd)\s*=\s*([^;&]+)/i;

/**
 * Words a secret's name is made of: DB_PASSWORD, GITHUB_TOKEN, API_KEY, SECRET_KEY_BASE, and the
 * cookie Erlang nodes (RabbitMQ's, CouchDB's) prove themselves to each other with.
 */
const SECRET_NAME =
  /(PASSW(OR)?D|SECRET|TOKEN|API_?KEY|AUTH_?KEY|PRIVATE_?KEY|CREDENTIAL|ACCESS_?KEY|BASIC_?AUTH|HTPASSWD|ERLANG_?COOKIE$|(^|_)KEY$|(^|_)PASS(_|$)|[A-Z0-9](?<!BY|COM|SUR|TRES|ENCOM|UNDER|OVER)PASS$|_PWD?$|_AUTH$)/i;

/**
 * Values a variable named …_AUTH takes when it says how to authenticate (SMTP_AUTH=login), not
 * with what: REDIS_AUTH holds the password itself.
 */
const AUTH_METHOD =
  /^(?:none|login|plain|simple|basic|digest|bearer|ntlm|kerberos|gssapi|oauth2?|xoauth2|cram-md5|md5|scram-sha-(?:1|256)|sasl|ldap|trust|password|token|anonymous|required|optional|disabled?|enabled?)$/i;

/**
 * Last words that make a name one about a secret, not the secret: how long it lives (TOKEN_TTL),
 * how it is checked (PASSWORD_MIN_LENGTH), where it is sent, found or kept (API_KEY_HEADER,
 * TOKEN_ENDPOINT, SECRET_NAME, TOKEN_CACHE), what identifies it (AWS_ACCESS_KEY_ID), whose it is
 * (BASIC_AUTH_USER, API_KEY_ACCOUNT).
 */
const ABOUT_A_SECRET = new Set(
  (
    "TTL EXPIRY EXPIRES EXPIRE EXPIRATION LIFETIME TIMEOUT INTERVAL PERIOD ROTATION AGE DAYS HOURS " +
    "MINUTES SECONDS SECS SEC MS LENGTH LEN MIN MAX SIZE COUNT LIMIT RETRIES THRESHOLD COMPLEXITY " +
    "STRENGTH PATTERN REGEX POLICY HEADER NAME NAMESPACE ID URL URI ENDPOINT HOST HOSTNAME PORT PATH " +
    "DIR FOLDER FILE ALGO ALGORITHM ENCODING FORMAT TYPE KIND MODE ENABLED DISABLED REQUIRED " +
    "AUDIENCE ISSUER SCOPE SCOPES VERSION STRATEGY PREFIX LOCATION REGION FIELD PARAM PROVIDER " +
    "BACKEND STORE CACHE SOURCE LABEL REF RESET HASHER HASHERS ENCODER HASHING ENV VAR VARIABLE ROUNDS " +
    "ITERATIONS COST WORK FACTOR ARN MANAGER MOUNT ENGINE VALIDATOR VALIDATORS USER USERNAME EMAIL LOGIN ACCOUNT"
  ).split(" "),
);

/**
 * Words before a last KEY that make it the name of data (SORT_KEY, PARTITION_KEY, ROUTING_KEY) or
 * of a key made to be public (RECAPTCHA_SITE_KEY, STRIPE_PUBLISHABLE_KEY): it opens nothing.
 */
const NOT_A_SECRET_KEY =
  /^(?:SORT|PRIMARY|FOREIGN|PARTITION|CACHE|ROUTING|SHARD|LOOKUP|INDEX|GROUP|QUEUE|TABLE|COLUMN|ROW|DEDUP|DEDUPE|DEDUPLICATION|IDEMPOTENCY|CLUSTERING|COMPOSITE|UNIQUE|SITE|PUBLISHABLE)$/;

/** The file name of a key, a certificate or a credentials file (server.key, keystore.p12), not its content. */
const KEY_FILE_NAME = /^[\w@-][\w.@-]*\.(?:pem|key|crt|cer|der|p12|pfx|jks|keystore|json)$/i;

/** A cloud secret's or parameter's address (arn:aws:secretsmanager:…), which names it and holds nothing. */
const CLOUD_REFERENCE = /^arn:aws[\w-]*:[\w-]+:/;

/** A Stripe publishable key, which a page hands to every browser: the secret one is sk_. */
const PUBLISHABLE_KEY_VALUE = /^pk_(?:live|test)_[A-Za-z0-9]+$/;

/** First words that make a name a switch: ENABLE_PASSWORD_RESET, USE_API_KEY. */
const SWITCH = /^(?:ENABLE|DISABLE|USE|ALLOW|REQUIRE|SKIP|IS|HAS|NO|SHOW|HIDE)$/;

/**
 * Words anywhere that make a name a count or bound (LLM_MAX_TOKENS, NUM_API_KEYS) or a tool that
 * reads tokens (TOKENIZER), not a secret.
 */
const NOT_SECRET_WORD = /^(?:MAX|MIN|NUM|NUMBER|TOTAL|TOKENIZER|TOKENISER)$/;

/**
 * Last words of a key meant to be shared (JWT_PUBLIC_KEY, SSH_PUBKEY): it checks a signature, it
 * makes none. A public access token (LOGFLARE_PUBLIC_ACCESS_TOKEN) still grants what it names.
 */
const PUBLIC_KEY_NAME = /(?:^|_)(?:PUBLIC_?KEY|PUBKEY)$/;

/**
 * Public keys by their form: OpenSSH's (`ssh-ed25519 AAAA… user@host`), a PEM public key or
 * certificate. Whoever reads one can check a signature with it, not make one.
 */
const PUBLIC_KEY_VALUE =
  /^(?:(?:ssh-(?:rsa|dss|ed25519|ed448)|ecdsa-sha2-nistp\d+|sk-(?:ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com) AAAA|-----BEGIN (?:RSA |EC )?(?:PUBLIC KEY|CERTIFICATE)-----)/;

/** A file's path below the working directory or beside it (./certs/server.key, ../keys/jwt.pem). */
const RELATIVE_PATH = /^\.\.?\/(?:[\w.@-]+\/)*[\w.@-]+$/;

/**
 * Words anywhere in a name that make it a switch where it is set to 1 or 0, the images' own way of
 * saying yes or no (MYSQL_ALLOW_EMPTY_PASSWORD=1, MYSQL_RANDOM_ROOT_PASSWORD=1), or to use a stand-in
 * for the secret (Rails's SECRET_KEY_BASE_DUMMY=1, set while assets are built): no password is 1.
 */
const SWITCH_WORD =
  /^(?:ENABLE|ENABLED|DISABLE|DISABLED|ALLOW|RANDOM|EMPTY|GENERATE|ONETIME|SKIP|REQUIRE|USE|DUMMY)$/;

/** A name's words: DB_PASSWORD and dbPassword are DB and PASSWORD. */
const nameWords = (name: string): string[] =>
  name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);

/** Whether a variable is named as a secret is (DB_PASSWORD), not as a setting about one (TOKEN_TTL). */
function secretName(name: string): boolean {
  if (!SECRET_NAME.test(name)) return false;
  const words = nameWords(name);
  return (
    !ABOUT_A_SECRET.has(words.at(-1) ?? "") &&
    !(words.at(-1) === "KEY" && NOT_A_SECRET_KEY.test(words.at(-2) ?? "")) &&
    !SWITCH.test(words[0] ?? "") &&
    !words.some((word) => NOT_SECRET_WORD.test(word)) &&
    !PUBLIC_KEY_NAME.test(words.join("_"))
  );
}

/**
 * Values no secret is written as: a switch (true, off), a number with or without a unit (3600,
 * 1h, 30d), a reference to a variable Compose (`${DB_PASSWORD}`) or Kubernetes (`$(DB_PASSWORD)`) fills in.
 */
const NOT_A_SECRET =
  /^(?:true|false|yes|no|on|off|\d+(?:\.\d+)?(?:ms|[smhdw])|\$\{.*|\$\([A-Za-z_][A-Za-z0-9_]*\))$/i;

/** Whether a plain variable looks like a secret, and why: by its name, or by what its value holds. */
export function secretLike(name: string, value: string): string | undefined {
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(value)) return "holds a private key";
  // A signed JSON Web Token: whoever holds it acts as what it names (a service role, a user).
  if (/^eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+$/.test(value)) return "holds a signed token";
  const token = TOKEN_START.test(value) ? TOKEN_FORMS.find((entry) => entry[0].test(value)) : undefined;
  if (token) return `holds ${token[1]}`;
  // An Authorization header's value, whatever the variable is called.
  if (/^(?:(?:Proxy-)?Authorization:\s*)?(?:Bearer|Basic|Token)\s+[\w.~+/=-]{16,}$/i.test(value))
    return "holds an authorization header";
  // Options for a program (JAVA_OPTS=-Djavax.net.ssl.keyStorePassword=…) that pass a secret.
  if (/^-|\s-/.test(value) && literalSecrets(value).length > 0)
    return "passes a secret in the options it holds";
  // A password that is a variable reference, Compose's (`${DB_PASSWORD}`) or the kubelet's
  // (`$(DB_PASSWORD)`), is passed the right way. The user may be left out (redis://:password@cache).
  const password = /^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:([^/\s@]+)@/i.exec(value)?.[1];
  if (
    password !== undefined &&
    wholeReference(password) === undefined &&
    !KUBELET_REFERENCE.test(password) &&
    !PLACEHOLDER.test(password)
  )
    return "holds a URL with credentials";
  const connection = CONNECTION_PASSWORD.exec(value)?.[1]?.trim();
  if (connection && !/^\$[{(A-Za-z_]/.test(connection) && !PLACEHOLDER.test(connection))
    return "holds a connection string with a password";
  if (PLACEHOLDER.test(value.trim())) return undefined;
  // NAME_FILE holds the path of a file with the secret (the convention of official images).
  if (/_FILE$/i.test(name) && /^[./~]/.test(value)) return undefined;
  // So does an absolute path whatever the name (DATABASE_PASSWORD=/run/secrets/db-password):
  // no password is written so.
  if (/^\/(?:[\w.@-]+\/)+[\w.@-]+$/.test(value)) return undefined;
  // Nor a path beside the project (SSL_KEY=./certs/server.key), which a volume mounts in.
  if (RELATIVE_PATH.test(value) || KEY_FILE_NAME.test(value) || CLOUD_REFERENCE.test(value)) return undefined;
  if (PUBLIC_KEY_VALUE.test(value) || PUBLISHABLE_KEY_VALUE.test(value)) return undefined;
  // A name that ends in KEY (an encryption, service or signing key) or has PASS as a word too.
  if (
    secretName(name) &&
    !NOT_A_SECRET.test(value) &&
    !(/_AUTH$/i.test(name) && AUTH_METHOD.test(value)) &&
    !(/^[01]$/.test(value) && nameWords(name).some((word) => SWITCH_WORD.test(word)))
  )
    return "holds what looks like a secret";
  return undefined;
}

/**
 * Whether a variable's value must be kept out of what is read (a model, a document): it looks
 * secret. NAME_FILE names the file that holds a secret (the convention of official images), not
 * the secret, whatever its value.
 */
export function keptSecret(name: string, value = ""): boolean {
  return !/_FILE$/i.test(name) && secretLike(name, value) !== undefined;
}

/**
 * Whether a value refers to a variable that looks secret (`postgres://app:${DB_PASSWORD}@db/app`):
 * the value is then secret once the variable is filled in, wherever that happens.
 */
export function referencesSecret(value: string): boolean {
  return referencedNames(value).some((name) => keptSecret(name));
}

/** The secret named after the variable that carries it: DB_PASSWORD → db-password. */
export function secretNamedAfter(variable: string): string {
  return variable.toLowerCase().replace(/[^a-z0-9]+/g, "-");
}
