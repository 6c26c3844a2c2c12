/**
 * What is known of the official images of common stores and of the images some projects publish
 * themselves, by the name baseImage gives them (for images built on them too): where each keeps its data, and the command its
 * own client checks it with. An image of another publisher may set its own, so nothing is assumed of it.
 */

export interface DataFolder {
  folder: string;
  /** A variable that moves the folder (PostgreSQL's PGDATA). */
  variable?: string;
  /** An option that moves it on the command line (mysqld's --datadir), where the check stops guessing. */
  option?: RegExp;
  /** Where its maker says to mount the volume, above the folder itself. */
  mountAt?: string;
}

export interface KnownImage {
  /** What the image is called in messages. */
  name: string;
  data?: DataFolder;
  /**
   * Where a later major version keeps its data instead: from `major` on, and where the tag names no
   * major version (latest, alpine), as the newest. `{major}` in the folder is the tag's major
   * version; with none known, the folder is where the volume is mounted.
   */
  laterData?: { major: number; data: DataFolder & { mountAt: string } };
  /** The command its own client checks it with. */
  check?: string[];
}

export const KNOWN_IMAGES: ReadonlyMap<string, KnownImage> = new Map([
  [
    "postgres",
    {
      name: "PostgreSQL",
      data: { folder: "/var/lib/postgresql/data", variable: "PGDATA" },
      // From 18 on, in a folder of the major version, with the volume one level up: a volume at the
      // old folder keeps none of it, and the image refuses to start on one that holds data.
      laterData: {
        major: 18,
        data: {
          folder: "/var/lib/postgresql/{major}/docker",
          variable: "PGDATA",
          mountAt: "/var/lib/postgresql",
        },
      },
      check: ["pg_isready", "-U", "postgres"],
    },
  ],
  [
    "mysql",
    {
      name: "MySQL",
      data: { folder: "/var/lib/mysql", option: /--datadir\b/ },
      check: ["mysqladmin", "ping", "-h", "localhost"],
    },
  ],
  [
    "mariadb",
    {
      name: "MariaDB",
      data: { folder: "/var/lib/mysql", option: /--datadir\b/ },
      check: ["healthcheck.sh", "--connect", "--innodb_initialized"],
    },
  ],
  [
    "mongo",
    {
      name: "MongoDB",
      data: { folder: "/data/db", option: /--dbpath\b/ },
      check: ["mongosh", "--quiet", "--eval", "db.adminCommand('ping')"],
    },
  ],
  [
    "rabbitmq",
    {
      name: "RabbitMQ",
      data: { folder: "/var/lib/rabbitmq" },
      check: ["rabbitmq-diagnostics", "-q", "ping"],
    },
  ],
  // Stateful only where told to persist (see persistsCache); its working folder is where it writes.
  ["redis", { name: "Redis", data: { folder: "/data", option: /--dir\b/ }, check: ["redis-cli", "ping"] }],
  ["valkey", { name: "Valkey", data: { folder: "/data", option: /--dir\b/ }, check: ["valkey-cli", "ping"] }],
  [
    "elasticsearch",
    { name: "Elasticsearch", data: { folder: "/usr/share/elasticsearch/data", option: /path\.data/ } },
  ],
  ["memcached", { name: "Memcached", check: ["sh", "-c", "echo stats | nc localhost 11211"] }],
  // Its database and plugins; GF_PATHS_DATA moves them.
  ["grafana", { name: "Grafana", data: { folder: "/var/lib/grafana", variable: "GF_PATHS_DATA" } }],
  // The image's own command names the folder; a command of its own that names another moves it.
  ["prometheus", { name: "Prometheus", data: { folder: "/prometheus", option: /--storage\.tsdb\.path\b/ } }],
  // The application, its settings and the files uploaded to it are written there on first start.
  ["nextcloud", { name: "Nextcloud", data: { folder: "/var/www/html" } }],
  ["wordpress", { name: "WordPress", data: { folder: "/var/www/html" } }],
  // Bitnami's images keep their data under /bitnami, where their documents say to mount the volume.
  [
    "bitnami/postgresql",
    {
      name: "Bitnami's PostgreSQL",
      data: {
        folder: "/bitnami/postgresql/data",
        variable: "POSTGRESQL_DATA_DIR",
        mountAt: "/bitnami/postgresql",
      },
    },
  ],
  [
    "bitnami/mysql",
    { name: "Bitnami's MySQL", data: { folder: "/bitnami/mysql/data", variable: "MYSQL_DATA_DIR" } },
  ],
  [
    "bitnami/mariadb",
    {
      name: "Bitnami's MariaDB",
      data: { folder: "/bitnami/mariadb/data", variable: "MARIADB_DATA_DIR", mountAt: "/bitnami/mariadb" },
    },
  ],
  [
    "bitnami/mongodb",
    { name: "Bitnami's MongoDB", data: { folder: "/bitnami/mongodb/data/db", mountAt: "/bitnami/mongodb" } },
  ],
]);
