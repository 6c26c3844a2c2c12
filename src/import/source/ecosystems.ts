/**
 * What a dependency says about a service, per ecosystem: its framework, build tool, database or
 * authentication. Tables of names, first match wins, so they are easy to extend.
 */
export type Aspect = "framework" | "build-tool" | "database" | "auth";

export type Table = [pattern: RegExp, aspect: Aspect, name: string][];

const databases: Table = [
  [
    /^(pg|postgres|psycopg2?(-binary)?|asyncpg|npgsql.*|github\.com\/(jackc\/pgx.*|lib\/pq)|tokio-postgres|org\.postgresql:postgresql)$/i,
    "database",
    "PostgreSQL",
  ],
  [
    /^(mysql2?|mysqlclient|pymysql|mysql-connector.*|github\.com\/go-sql-driver\/mysql|pomelo\.entityframeworkcore\.mysql|com\.mysql:mysql-connector-j)$/i,
    "database",
    "MySQL",
  ],
  [
    /^(mongodb|mongoose|pymongo|motor|mongodb\.driver|go\.mongodb\.org\/mongo-driver.*)$/i,
    "database",
    "MongoDB",
  ],
  [/^(redis|ioredis|github\.com\/(redis|go-redis)\/.*|stackexchange\.redis)$/i, "database", "Redis"],
  [/^(sqlite3|better-sqlite3|microsoft\.entityframeworkcore\.sqlite|rusqlite)$/i, "database", "SQLite"],
  [/^(@prisma\/client|prisma)$/i, "database", "Prisma"],
  [
    /^(sqlalchemy|sqlx|diesel|microsoft\.entityframeworkcore.*|gorm\.io\/gorm|typeorm|sequelize|drizzle-orm)$/i,
    "database",
    "SQL via an ORM",
  ],
];

const auth: Table = [
  [/^(keycloak-js|@react-keycloak\/.*|python-keycloak|keycloak.*)$/i, "auth", "Keycloak"],
  [/^(next-auth|@auth\/.*)$/i, "auth", "Auth.js"],
  [/^(passport|passport-.*)$/i, "auth", "Passport"],
  [
    /^(jsonwebtoken|jose|pyjwt|python-jose|jsonwebtoken|microsoft\.aspnetcore\.authentication\.jwtbearer|github\.com\/golang-jwt\/jwt.*)$/i,
    "auth",
    "JWT",
  ],
  [
    /^(authlib|django-allauth|flask-login|devise|spring-boot-starter-security|spring-boot-starter-oauth2-.*)$/i,
    "auth",
    "framework authentication",
  ],
  [/^(@clerk\/.*|@auth0\/.*|auth0)$/i, "auth", "hosted identity (Clerk / Auth0)"],
];

export const ecosystems: Record<string, { language: string; table: Table }> = {
  node: {
    language: "JavaScript",
    table: [
      [/^next$/, "framework", "Next.js"],
      [/^nuxt$/, "framework", "Nuxt"],
      [/^@nestjs\/core$/, "framework", "NestJS"],
      [/^@angular\/core$/, "framework", "Angular"],
      [/^@remix-run\/.*$/, "framework", "Remix"],
      [/^@sveltejs\/kit$/, "framework", "SvelteKit"],
      [/^svelte$/, "framework", "Svelte"],
      [/^vue$/, "framework", "Vue"],
      [/^react$/, "framework", "React"],
      [/^fastify$/, "framework", "Fastify"],
      [/^hono$/, "framework", "Hono"],
      [/^koa$/, "framework", "Koa"],
      [/^express$/, "framework", "Express"],
      [/^vite$/, "build-tool", "Vite"],
      [/^webpack$/, "build-tool", "webpack"],
      [/^esbuild$/, "build-tool", "esbuild"],
      [/^typescript$/, "build-tool", "tsc"],
      ...databases,
      ...auth,
    ],
  },
  python: {
    language: "Python",
    table: [
      [/^fastapi$/i, "framework", "FastAPI"],
      [/^django$/i, "framework", "Django"],
      [/^flask$/i, "framework", "Flask"],
      [/^starlette$/i, "framework", "Starlette"],
      [/^(aiohttp)$/i, "framework", "aiohttp"],
      [/^celery$/i, "framework", "Celery"],
      [/^streamlit$/i, "framework", "Streamlit"],
      [/^(poetry|poetry-core)$/i, "build-tool", "Poetry"],
      [/^hatchling$/i, "build-tool", "Hatch"],
      ...databases,
      ...auth,
    ],
  },
  rust: {
    language: "Rust",
    table: [
      [/^axum$/, "framework", "Axum"],
      [/^actix-web$/, "framework", "Actix Web"],
      [/^rocket$/, "framework", "Rocket"],
      [/^warp$/, "framework", "warp"],
      ...databases,
      ...auth,
    ],
  },
  go: {
    language: "Go",
    table: [
      [/^github\.com\/gin-gonic\/gin$/, "framework", "Gin"],
      [/^github\.com\/labstack\/echo.*$/, "framework", "Echo"],
      [/^github\.com\/gofiber\/fiber.*$/, "framework", "Fiber"],
      [/^github\.com\/go-chi\/chi.*$/, "framework", "chi"],
      [/^github\.com\/gorilla\/mux$/, "framework", "gorilla/mux"],
      ...databases,
      ...auth,
    ],
  },
  dotnet: {
    language: "C# / .NET",
    table: [[/^microsoft\.net\.sdk\.web$/i, "framework", "ASP.NET Core"], ...databases, ...auth],
  },
  java: {
    language: "Java",
    table: [
      [/^(org\.springframework\.boot:.*|spring-boot.*)$/, "framework", "Spring Boot"],
      [/^(io\.quarkus:.*|quarkus.*)$/, "framework", "Quarkus"],
      [/^(io\.micronaut.*|micronaut.*)$/, "framework", "Micronaut"],
      ...databases,
      ...auth,
    ],
  },
  ruby: {
    language: "Ruby",
    table: [
      [/^rails$/, "framework", "Ruby on Rails"],
      [/^sinatra$/, "framework", "Sinatra"],
      [/^pg$/, "database", "PostgreSQL"],
      ...databases,
      ...auth,
    ],
  },
  php: {
    language: "PHP",
    table: [
      [/^laravel\/(framework|lumen-framework)$/, "framework", "Laravel"],
      [/^symfony\/framework-bundle$/, "framework", "Symfony"],
      [/^slim\/slim$/, "framework", "Slim"],
      [/^laminas\/laminas-mvc$/, "framework", "Laminas"],
      [/^cakephp\/cakephp$/, "framework", "CakePHP"],
      [/^yiisoft\/yii2?$/, "framework", "Yii"],
      [/^codeigniter4\/framework$/, "framework", "CodeIgniter"],
      [/^utopia-php\/framework$/, "framework", "Utopia"],
      [/^composer\/composer$/, "build-tool", "Composer"],
      [/^ext-pdo_pgsql$/, "database", "PostgreSQL"],
      [/^ext-(pdo_mysql|mysqli)$/, "database", "MySQL"],
      [/^(ext-mongodb|mongodb\/mongodb)$/, "database", "MongoDB"],
      [/^(ext-redis|predis\/predis)$/, "database", "Redis"],
      [/^doctrine\/(orm|dbal)$/, "database", "SQL via an ORM"],
      [/^(firebase\/php-jwt|lcobucci\/jwt)$/, "auth", "JWT"],
      [/^laravel\/(sanctum|passport|fortify)$/, "auth", "framework authentication"],
      [/^league\/oauth2-(server|client)$/, "auth", "OAuth 2"],
    ],
  },
};

/** The ecosystem of a runtime named from a base image (Node.js 20, Python 3.12, .NET 8.0). */
export function ecosystemOfRuntime(runtime: string): string | undefined {
  const prefixes: [string, string][] = [
    ["Node.js", "node"],
    ["Python", "python"],
    ["Go", "go"],
    [".NET", "dotnet"],
    ["Java", "java"],
    ["Ruby", "ruby"],
    ["Rust", "rust"],
    ["PHP", "php"],
  ];
  return prefixes.find(([prefix]) => runtime === prefix || runtime.startsWith(`${prefix} `))?.[1];
}

/** The first name each aspect gets from a list of dependencies. */
export function classify(table: Table, dependencies: string[]): Partial<Record<Aspect, string>> {
  const found: Partial<Record<Aspect, string>> = {};
  for (const [pattern, aspect, name] of table) {
    if (found[aspect] === undefined && dependencies.some((d) => pattern.test(d))) found[aspect] = name;
  }
  return found;
}
