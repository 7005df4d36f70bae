import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, ValidateIf, validateSync } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : value === 'true' || value === '1');

/**
 * A service's origin: scheme, host and optional port, nothing after (the gateway appends the request's path); or
 * several, comma-separated, for as many instances of the service (the gateway takes them in turn).
 */
const ORIGIN = '\\s*https?:\\/\\/[A-Za-z0-9.-]+(:\\d{1,5})?\\/?\\s*';
const SERVICE_URL = new RegExp(`^${ORIGIN}(,${ORIGIN})*$`);
const serviceUrlRule = (name: string, service: string) =>
  `${name} must be the http:// or https:// origin of the ${service} service, e.g. http://127.0.0.1:3001, or several comma-separated, one per instance`;

/** Every setting the platform reads from its environment, validated once at start. */
export class OnedoorConfig {
  @Transform(toInt) @Max(65535) @Min(0) @IsInt()
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  @IsString() @MinLength(1)
  DATA_DIR = './data';

  /** `dev` issues tokens for the demo consortium at POST /auth/dev-token; `token` only accepts tokens signed with AUTH_SECRET. */
  @IsIn(['dev', 'token'])
  AUTH_MODE: 'dev' | 'token' = 'dev';

  @ValidateIf((c: OnedoorConfig) => c.AUTH_MODE === 'token' || c.AUTH_SECRET !== undefined)
  @MinLength(32, { message: 'AUTH_SECRET must be at least 32 characters' }) @IsString()
  AUTH_SECRET?: string;

  @Matches(/^[a-z0-9][a-z0-9-]{1,62}$/, { message: 'CONSORTIUM_ID must be lower-case letters, digits and dashes' })
  CONSORTIUM_ID = 'onedoor';

  /** Seed the demo consortium into an empty data directory. */
  @Transform(toBool) @IsOptional()
  SEED_DEMO = true;

  /**
   * With the demo seed, also seed about six months of history behind it (referrals, support, spells in work,
   * group head counts, claims), so the insights reports and the steering report have numbers. `npm run demo` sets it.
   */
  @Transform(toBool) @IsOptional()
  SEED_DEMO_HISTORY = false;

  @IsIn(['error', 'warn', 'log', 'debug', 'verbose'])
  LOG_LEVEL: 'error' | 'warn' | 'log' | 'debug' | 'verbose' = 'log';

  /**
   * Where the directory read model lives: `memory` (in process, rebuilt at every start: the embedded default)
   * or `redis` (shared by the services of the distributed deployment, at REDIS_URL). The other read models
   * stay in process either way.
   */
  @IsIn(['memory', 'redis'])
  READ_MODEL_STORE: 'memory' | 'redis' = 'memory';

  @ValidateIf((c: OnedoorConfig) => c.READ_MODEL_STORE === 'redis' || c.REDIS_URL !== undefined)
  @Matches(/^rediss?:\/\/[^\s]+$/, { message: 'REDIS_URL must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379' }) @IsString({ message: 'REDIS_URL must be set when READ_MODEL_STORE is redis' })
  REDIS_URL?: string;

  /**
   * Where the event log and everything else that is a file in the embedded default lives: `sqlite` (files in DATA_DIR,
   * one process) or `postgres` (DATABASE_URL, shared by every instance and service of the distributed deployment).
   */
  @IsIn(['sqlite', 'postgres'])
  EVENT_STORE: 'sqlite' | 'postgres' = 'sqlite';

  @ValidateIf((c: OnedoorConfig) => c.EVENT_STORE === 'postgres' || c.DATABASE_URL !== undefined)
  @Matches(/^postgres(ql)?:\/\/[^\s]+$/, { message: 'DATABASE_URL must be a postgres:// or postgresql:// URL, e.g. postgres://postgres@127.0.0.1:5432/onedoor' }) @IsString({ message: 'DATABASE_URL must be set when EVENT_STORE is postgres' })
  DATABASE_URL?: string;

  /** The PostgreSQL schema holding this consortium's tables (created when absent); one schema per consortium on a shared server. */
  @Matches(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'DATABASE_SCHEMA must be 1 to 63 lower-case letters, digits or underscores, not starting with a digit' })
  DATABASE_SCHEMA = 'onedoor';

  /**
   * The key sealing webhook signing secrets: 32 random bytes in base64. Unset, a key file in DATA_DIR
   * (webhook-secrets.key) is made at the first start. Instances sharing one PostgreSQL store must seal and open
   * with the same key, so the distributed deployment gives each the same value (or the same key file).
   */
  @ValidateIf((c: OnedoorConfig) => c.WEBHOOK_SECRETS_KEY !== undefined)
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'WEBHOOK_SECRETS_KEY must be 32 bytes in base64 (44 characters ending in =), e.g. from `openssl rand -base64 32`' }) @IsString()
  WEBHOOK_SECRETS_KEY?: string;

  /**
   * Keep the read models' checkpoints (read-models.sqlite in DATA_DIR, or a table in DATABASE_SCHEMA with
   * EVENT_STORE=postgres), so a restart reads only the events it missed; off, every start replays the whole log.
   */
  @Transform(toBool) @IsOptional()
  READ_MODEL_CHECKPOINTS = true;

  /** Save the read models after this many events (and on a clean shutdown). Each save serialises them all, so not too often. */
  @Transform(toInt) @Max(10_000_000, { message: 'READ_MODEL_CHECKPOINT_EVERY_EVENTS must be at most 10000000' }) @Min(1, { message: 'READ_MODEL_CHECKPOINT_EVERY_EVENTS must be at least 1' }) @IsInt({ message: 'READ_MODEL_CHECKPOINT_EVERY_EVENTS must be a whole number of events' })
  READ_MODEL_CHECKPOINT_EVERY_EVENTS = 50_000;

  /** ... or after this long, when any event came in since the last save. */
  @Transform(toInt) @Max(86_400_000, { message: 'READ_MODEL_CHECKPOINT_EVERY_MS must be at most a day (86400000)' }) @Min(1_000, { message: 'READ_MODEL_CHECKPOINT_EVERY_MS must be at least 1000' }) @IsInt({ message: 'READ_MODEL_CHECKPOINT_EVERY_MS must be a whole number of milliseconds' })
  READ_MODEL_CHECKPOINT_EVERY_MS = 300_000;

  /** Webhook retries: the first waits WEBHOOK_RETRY_BASE_MS, each next one twice as long, at most WEBHOOK_RETRY_MAX_MS. */
  @Transform(toInt) @Max(3_600_000, { message: 'WEBHOOK_RETRY_BASE_MS must be at most an hour (3600000)' }) @Min(1, { message: 'WEBHOOK_RETRY_BASE_MS must be at least 1' }) @IsInt({ message: 'WEBHOOK_RETRY_BASE_MS must be a whole number of milliseconds' })
  WEBHOOK_RETRY_BASE_MS = 1_000;

  @Transform(toInt) @Max(86_400_000, { message: 'WEBHOOK_RETRY_MAX_MS must be at most a day (86400000)' }) @Min(1, { message: 'WEBHOOK_RETRY_MAX_MS must be at least 1' }) @IsInt({ message: 'WEBHOOK_RETRY_MAX_MS must be a whole number of milliseconds' })
  WEBHOOK_RETRY_MAX_MS = 300_000;

  /** Attempts per message before it goes to the partner's dead-letter list. */
  @Transform(toInt) @Max(100, { message: 'WEBHOOK_MAX_ATTEMPTS must be at most 100' }) @Min(1, { message: 'WEBHOOK_MAX_ATTEMPTS must be at least 1' }) @IsInt({ message: 'WEBHOOK_MAX_ATTEMPTS must be a whole number' })
  WEBHOOK_MAX_ATTEMPTS = 8;

  /** How long one webhook POST may take before it counts as failed. */
  @Transform(toInt) @Max(120_000, { message: 'WEBHOOK_TIMEOUT_MS must be at most 120000' }) @Min(1, { message: 'WEBHOOK_TIMEOUT_MS must be at least 1' }) @IsInt({ message: 'WEBHOOK_TIMEOUT_MS must be a whole number of milliseconds' })
  WEBHOOK_TIMEOUT_MS = 10_000;

  /** Log as JSON lines (for log shippers) or as readable text. */
  @IsIn(['json', 'text'])
  LOG_FORMAT: 'json' | 'text' = 'json';

  /** Run the Kafka relay inside the all-in-one app (apps/relay/src/main.ts always runs it); a second process running it is a hot standby. */
  @Transform(toBool) @IsOptional()
  RELAY_ENABLED = false;

  /** The Kafka bootstrap brokers, comma-separated host:port. */
  @Matches(/^[^\s,:]+:\d{1,5}(,[^\s,:]+:\d{1,5})*$/, { message: 'KAFKA_BROKERS must be comma-separated host:port pairs, e.g. 127.0.0.1:9092' })
  KAFKA_BROKERS = '127.0.0.1:9092';

  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'KAFKA_CLIENT_ID must be 1 to 64 letters, digits, dots, dashes or underscores' })
  KAFKA_CLIENT_ID = 'onedoor-relay';

  /** Partitions of each topic the relay creates. */
  @Transform(toInt) @Max(1000) @Min(1) @IsInt()
  KAFKA_TOPIC_PARTITIONS = 3;

  /** How long the relay's publishing lease lasts without a heartbeat: a standby takes over at most this long after the leader dies. */
  @Transform(toInt) @Max(300000) @Min(500) @IsInt()
  RELAY_LEASE_TTL_MS = 10000;

  /** Most messages the relay sends to Kafka in one acknowledged batch. */
  @Transform(toInt) @Max(10000) @Min(1) @IsInt()
  RELAY_BATCH_SIZE = 1000;

  /** Where the gateway sends each service's routes (the separate-services deployment); see gatewayTargets. */
  @ValidateIf((c: OnedoorConfig) => c.REFERRALS_URL !== undefined)
  @Matches(SERVICE_URL, { message: serviceUrlRule('REFERRALS_URL', 'referrals') })
  REFERRALS_URL?: string;

  @ValidateIf((c: OnedoorConfig) => c.DIRECTORY_URL !== undefined)
  @Matches(SERVICE_URL, { message: serviceUrlRule('DIRECTORY_URL', 'directory') })
  DIRECTORY_URL?: string;

  @ValidateIf((c: OnedoorConfig) => c.INSIGHTS_URL !== undefined)
  @Matches(SERVICE_URL, { message: serviceUrlRule('INSIGHTS_URL', 'insights') })
  INSIGHTS_URL?: string;

  @ValidateIf((c: OnedoorConfig) => c.RELAY_URL !== undefined)
  @Matches(SERVICE_URL, { message: serviceUrlRule('RELAY_URL', 'relay') })
  RELAY_URL?: string;

  /** How long the gateway waits for a service to answer before it answers 504 naming the service. */
  @Transform(toInt) @Max(300_000, { message: 'GATEWAY_TIMEOUT_MS must be at most 300000' }) @Min(100, { message: 'GATEWAY_TIMEOUT_MS must be at least 100' }) @IsInt({ message: 'GATEWAY_TIMEOUT_MS must be a whole number of milliseconds' })
  GATEWAY_TIMEOUT_MS = 30_000;
}

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`OneDoor cannot start: the configuration is invalid:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigurationError';
  }
}

/** Reads and validates the configuration; unknown variables are ignored, bad ones named with the rule. */
export function loadConfig(env: Record<string, string | undefined> = process.env): OnedoorConfig {
  const known = Object.keys(new OnedoorConfig()).concat('AUTH_SECRET', 'REDIS_URL', 'DATABASE_URL', 'WEBHOOK_SECRETS_KEY', ...GATEWAY_TARGETS.map((t) => t.setting));
  const given = Object.fromEntries(Object.entries(env).filter(([k, v]) => known.includes(k) && v !== undefined));
  const config = plainToInstance(OnedoorConfig, given);
  const problems = validateSync(config, { stopAtFirstError: true }).flatMap((e) => Object.values(e.constraints ?? {}).map((m) => `${e.property}: ${m}`));
  if (problems.length > 0) throw new ConfigurationError(problems);
  return config;
}

/** The services the gateway routes to, and the setting naming each one's URL. */
export const GATEWAY_TARGETS = [
  { service: 'referrals', setting: 'REFERRALS_URL' },
  { service: 'directory', setting: 'DIRECTORY_URL' },
  { service: 'insights', setting: 'INSIGHTS_URL' },
  { service: 'relay', setting: 'RELAY_URL' },
] as const;
export type ServiceName = (typeof GATEWAY_TARGETS)[number]['service'];

/**
 * The four services' origins, for the gateway (one per instance of each): each setting must be given when it routes
 * (loadConfig has checked the format of those given; other processes need none of them). Missing ones are named
 * together, as loadConfig names problems.
 */
export function gatewayTargets(config: OnedoorConfig): Record<ServiceName, string[]> {
  const missing = GATEWAY_TARGETS.filter((t) => config[t.setting] === undefined).map((t) => `${t.setting}: ${t.setting} must be set for the gateway to route to the ${t.service} service`);
  if (missing.length > 0) throw new ConfigurationError(missing);
  const originsOf = (setting: string) => setting.split(',').map((origin) => origin.trim().replace(/\/$/, ''));
  return Object.fromEntries(GATEWAY_TARGETS.map((t) => [t.service, originsOf(config[t.setting]!)])) as Record<ServiceName, string[]>;
}
