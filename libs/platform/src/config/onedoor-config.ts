import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, ValidateIf, validateSync } from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) => (value === undefined || value === '' ? undefined : value === 'true' || value === '1');

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
}

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`OneDoor cannot start: the configuration is invalid:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigurationError';
  }
}

/** Reads and validates the configuration; unknown variables are ignored, bad ones named with the rule. */
export function loadConfig(env: Record<string, string | undefined> = process.env): OnedoorConfig {
  const known = Object.keys(new OnedoorConfig()).concat('AUTH_SECRET', 'REDIS_URL', 'DATABASE_URL');
  const given = Object.fromEntries(Object.entries(env).filter(([k, v]) => known.includes(k) && v !== undefined));
  const config = plainToInstance(OnedoorConfig, given);
  const problems = validateSync(config, { stopAtFirstError: true }).flatMap((e) => Object.values(e.constraints ?? {}).map((m) => `${e.property}: ${m}`));
  if (problems.length > 0) throw new ConfigurationError(problems);
  return config;
}
