import { ConfigurationError, gatewayTargets, loadConfig } from './onedoor-config';

/** The problems loadConfig names for an environment, none when it loads. */
function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (e) {
    return (e as ConfigurationError).problems;
  }
}

describe('configuration', () => {
  it('has working defaults for the embedded demo', () => {
    expect(loadConfig({})).toMatchObject({ PORT: 3000, DATA_DIR: './data', AUTH_MODE: 'dev', SEED_DEMO: true });
  });
  it('reads values from the environment', () => {
    expect(loadConfig({ PORT: '8080', SEED_DEMO: 'false', DATA_DIR: '/var/lib/onedoor' })).toMatchObject({ PORT: 8080, SEED_DEMO: false, DATA_DIR: '/var/lib/onedoor' });
  });
  it('seeds the demo without history unless asked', () => {
    expect(loadConfig({})).toMatchObject({ SEED_DEMO: true, SEED_DEMO_HISTORY: false });
    expect(loadConfig({ SEED_DEMO_HISTORY: 'true' })).toMatchObject({ SEED_DEMO_HISTORY: true });
    expect(loadConfig({ SEED_DEMO_HISTORY: '1' })).toMatchObject({ SEED_DEMO_HISTORY: true });
    expect(loadConfig({ SEED_DEMO_HISTORY: 'false' })).toMatchObject({ SEED_DEMO_HISTORY: false });
  });
  it('names every bad setting and its rule', () => {
    let error: ConfigurationError | undefined;
    try {
      loadConfig({ PORT: 'eighty', AUTH_MODE: 'token', AUTH_SECRET: 'short', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e as ConfigurationError;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error!.problems).toContain('PORT: PORT must be an integer number');
    expect(error!.problems).toContain('AUTH_SECRET: AUTH_SECRET must be at least 32 characters');
    expect(error!.problems).toHaveLength(3);
    expect(error!.problems.join('\n')).toMatch(/LOG_LEVEL/);
  });
  it('has webhook retry settings with defaults, and names a bad one', () => {
    expect(loadConfig({})).toMatchObject({ WEBHOOK_RETRY_BASE_MS: 1000, WEBHOOK_RETRY_MAX_MS: 300000, WEBHOOK_MAX_ATTEMPTS: 8, WEBHOOK_TIMEOUT_MS: 10000 });
    expect(loadConfig({ WEBHOOK_RETRY_BASE_MS: '20', WEBHOOK_MAX_ATTEMPTS: '3' })).toMatchObject({ WEBHOOK_RETRY_BASE_MS: 20, WEBHOOK_MAX_ATTEMPTS: 3 });
    expect(() => loadConfig({ WEBHOOK_MAX_ATTEMPTS: '0' })).toThrow('WEBHOOK_MAX_ATTEMPTS: WEBHOOK_MAX_ATTEMPTS must be at least 1');
    expect(() => loadConfig({ WEBHOOK_RETRY_BASE_MS: 'soon' })).toThrow('WEBHOOK_RETRY_BASE_MS: WEBHOOK_RETRY_BASE_MS must be a whole number of milliseconds');
  });
  it('requires a secret when tokens are not dev tokens', () => {
    expect(() => loadConfig({ AUTH_MODE: 'token' })).toThrow(/AUTH_SECRET/);
  });
  it('keeps the directory read model in memory unless Redis is asked for, and then needs its URL', () => {
    expect(loadConfig({})).toMatchObject({ READ_MODEL_STORE: 'memory' });
    expect(loadConfig({ READ_MODEL_STORE: 'redis', REDIS_URL: 'redis://127.0.0.1:6379' })).toMatchObject({ READ_MODEL_STORE: 'redis', REDIS_URL: 'redis://127.0.0.1:6379' });
    expect(problemsOf({ READ_MODEL_STORE: 'postgres' })).toEqual(['READ_MODEL_STORE: READ_MODEL_STORE must be one of the following values: memory, redis']);
    expect(problemsOf({ READ_MODEL_STORE: 'redis' })).toEqual(['REDIS_URL: REDIS_URL must be set when READ_MODEL_STORE is redis']);
    expect(problemsOf({ READ_MODEL_STORE: 'redis', REDIS_URL: 'localhost:6379' })).toEqual(['REDIS_URL: REDIS_URL must be a redis:// or rediss:// URL, e.g. redis://127.0.0.1:6379']);
  });
  it('keeps the event log in SQLite unless PostgreSQL is asked for, and then needs its URL and a plain schema name', () => {
    expect(loadConfig({})).toMatchObject({ EVENT_STORE: 'sqlite', DATABASE_SCHEMA: 'onedoor' });
    expect(loadConfig({ EVENT_STORE: 'postgres', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test', DATABASE_SCHEMA: 'calder_2' })).toMatchObject({
      EVENT_STORE: 'postgres',
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
      DATABASE_SCHEMA: 'calder_2',
    });
    expect(problemsOf({ EVENT_STORE: 'kurrentdb' })).toEqual(['EVENT_STORE: EVENT_STORE must be one of the following values: sqlite, postgres']);
    expect(problemsOf({ EVENT_STORE: 'postgres' })).toEqual(['DATABASE_URL: DATABASE_URL must be set when EVENT_STORE is postgres']);
    expect(problemsOf({ EVENT_STORE: 'postgres', DATABASE_URL: '127.0.0.1:5432' })).toEqual([
      'DATABASE_URL: DATABASE_URL must be a postgres:// or postgresql:// URL, e.g. postgres://postgres@127.0.0.1:5432/onedoor',
    ]);
    expect(problemsOf({ DATABASE_SCHEMA: 'Robert"); drop' })).toEqual(['DATABASE_SCHEMA: DATABASE_SCHEMA must be 1 to 63 lower-case letters, digits or underscores, not starting with a digit']);
  });
  it('takes a shared webhook secrets key only as 32 bytes of base64', () => {
    expect(loadConfig({}).WEBHOOK_SECRETS_KEY).toBeUndefined();
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(loadConfig({ WEBHOOK_SECRETS_KEY: key }).WEBHOOK_SECRETS_KEY).toBe(key);
    const rule = 'WEBHOOK_SECRETS_KEY: WEBHOOK_SECRETS_KEY must be 32 bytes in base64 (44 characters ending in =), e.g. from `openssl rand -base64 32`';
    expect(problemsOf({ WEBHOOK_SECRETS_KEY: Buffer.alloc(16, 7).toString('base64') })).toEqual([rule]);
    expect(problemsOf({ WEBHOOK_SECRETS_KEY: 'not base64 at all, but forty-four chars long=' })).toEqual([rule]);
  });

  it('keeps the Kafka relay off unless asked, and names bad relay settings', () => {
    expect(loadConfig({})).toMatchObject({ RELAY_ENABLED: false, KAFKA_BROKERS: '127.0.0.1:9092', KAFKA_CLIENT_ID: 'onedoor-relay', RELAY_LEASE_TTL_MS: 10000 });
    expect(loadConfig({ RELAY_ENABLED: 'true', KAFKA_BROKERS: 'k1:9092,k2:9092' })).toMatchObject({ RELAY_ENABLED: true, KAFKA_BROKERS: 'k1:9092,k2:9092' });
    let error: ConfigurationError | undefined;
    try {
      loadConfig({ KAFKA_BROKERS: 'k1,k2', KAFKA_CLIENT_ID: 'relay one', RELAY_LEASE_TTL_MS: '10', RELAY_BATCH_SIZE: 'many', KAFKA_TOPIC_PARTITIONS: '0' });
    } catch (e) {
      error = e as ConfigurationError;
    }
    expect(error!.problems).toEqual([
      'KAFKA_BROKERS: KAFKA_BROKERS must be comma-separated host:port pairs, e.g. 127.0.0.1:9092',
      'KAFKA_CLIENT_ID: KAFKA_CLIENT_ID must be 1 to 64 letters, digits, dots, dashes or underscores',
      'KAFKA_TOPIC_PARTITIONS: KAFKA_TOPIC_PARTITIONS must not be less than 1',
      'RELAY_LEASE_TTL_MS: RELAY_LEASE_TTL_MS must not be less than 500',
      'RELAY_BATCH_SIZE: RELAY_BATCH_SIZE must be an integer number',
    ]);
  });
  it('reads the service URLs the gateway routes to, and names a malformed one', () => {
    expect(loadConfig({ REFERRALS_URL: 'http://127.0.0.1:3001', RELAY_URL: 'https://relay.internal/' })).toMatchObject({ REFERRALS_URL: 'http://127.0.0.1:3001', RELAY_URL: 'https://relay.internal/' });
    expect(problemsOf({ REFERRALS_URL: '127.0.0.1:3001', DIRECTORY_URL: 'ftp://d:21', INSIGHTS_URL: 'http://insights/reports', RELAY_URL: 'http://relay:3004' })).toEqual([
      'REFERRALS_URL: REFERRALS_URL must be the http:// or https:// origin of the referrals service, e.g. http://127.0.0.1:3001, or several comma-separated, one per instance',
      'DIRECTORY_URL: DIRECTORY_URL must be the http:// or https:// origin of the directory service, e.g. http://127.0.0.1:3001, or several comma-separated, one per instance',
      'INSIGHTS_URL: INSIGHTS_URL must be the http:// or https:// origin of the insights service, e.g. http://127.0.0.1:3001, or several comma-separated, one per instance',
    ]);
    // Several instances of a service: comma-separated origins, each checked.
    expect(loadConfig({ REFERRALS_URL: 'http://r1:3001, http://r2:3001/' })).toMatchObject({ REFERRALS_URL: 'http://r1:3001, http://r2:3001/' });
    for (const bad of ['http://r1:3001,', 'http://r1:3001,r2:3001', 'http://r1:3001,,http://r2:3001', 'http://r1:3001;http://r2:3001']) {
      expect({ bad, problems: problemsOf({ REFERRALS_URL: bad }) }).toEqual({ bad, problems: [expect.stringMatching(/^REFERRALS_URL: REFERRALS_URL must be the http:\/\/ or https:\/\/ origin of the referrals service.*several comma-separated/)] });
    }
    expect(loadConfig({})).toMatchObject({ GATEWAY_TIMEOUT_MS: 30000 });
    expect(problemsOf({ GATEWAY_TIMEOUT_MS: '5' })).toEqual(['GATEWAY_TIMEOUT_MS: GATEWAY_TIMEOUT_MS must be at least 100']);
    expect(problemsOf({ GATEWAY_TIMEOUT_MS: 'soon' })).toEqual(['GATEWAY_TIMEOUT_MS: GATEWAY_TIMEOUT_MS must be a whole number of milliseconds']);
  });
  it('lets the gateway start only with all four service URLs, naming each missing one', () => {
    const all = { REFERRALS_URL: 'http://r:1, http://r2:1/', DIRECTORY_URL: 'http://d:2/', INSIGHTS_URL: 'http://i:3', RELAY_URL: 'https://relay' };
    expect(gatewayTargets(loadConfig(all))).toEqual({ referrals: ['http://r:1', 'http://r2:1'], directory: ['http://d:2'], insights: ['http://i:3'], relay: ['https://relay'] });
    let error: ConfigurationError | undefined;
    try {
      gatewayTargets(loadConfig({ DIRECTORY_URL: 'http://d:2' }));
    } catch (e) {
      error = e as ConfigurationError;
    }
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error!.problems).toEqual([
      'REFERRALS_URL: REFERRALS_URL must be set for the gateway to route to the referrals service',
      'INSIGHTS_URL: INSIGHTS_URL must be set for the gateway to route to the insights service',
      'RELAY_URL: RELAY_URL must be set for the gateway to route to the relay service',
    ]);
  });
  it('keeps read-model checkpoints, saved every 50,000 events or 5 minutes unless told otherwise, and names bad settings', () => {
    expect(loadConfig({})).toMatchObject({ READ_MODEL_CHECKPOINTS: true, READ_MODEL_CHECKPOINT_EVERY_EVENTS: 50_000, READ_MODEL_CHECKPOINT_EVERY_MS: 300_000 });
    expect(loadConfig({ READ_MODEL_CHECKPOINTS: 'false', READ_MODEL_CHECKPOINT_EVERY_EVENTS: '1000', READ_MODEL_CHECKPOINT_EVERY_MS: '60000' })).toMatchObject({
      READ_MODEL_CHECKPOINTS: false,
      READ_MODEL_CHECKPOINT_EVERY_EVENTS: 1000,
      READ_MODEL_CHECKPOINT_EVERY_MS: 60000,
    });
    expect(problemsOf({ READ_MODEL_CHECKPOINT_EVERY_EVENTS: '0', READ_MODEL_CHECKPOINT_EVERY_MS: '999' })).toEqual([
      'READ_MODEL_CHECKPOINT_EVERY_EVENTS: READ_MODEL_CHECKPOINT_EVERY_EVENTS must be at least 1',
      'READ_MODEL_CHECKPOINT_EVERY_MS: READ_MODEL_CHECKPOINT_EVERY_MS must be at least 1000',
    ]);
    expect(problemsOf({ READ_MODEL_CHECKPOINT_EVERY_EVENTS: '2.5', READ_MODEL_CHECKPOINT_EVERY_MS: 'soon' })).toEqual([
      'READ_MODEL_CHECKPOINT_EVERY_EVENTS: READ_MODEL_CHECKPOINT_EVERY_EVENTS must be a whole number of events',
      'READ_MODEL_CHECKPOINT_EVERY_MS: READ_MODEL_CHECKPOINT_EVERY_MS must be a whole number of milliseconds',
    ]);
    expect(problemsOf({ READ_MODEL_CHECKPOINT_EVERY_EVENTS: '20000000', READ_MODEL_CHECKPOINT_EVERY_MS: '90000000' })).toEqual([
      'READ_MODEL_CHECKPOINT_EVERY_EVENTS: READ_MODEL_CHECKPOINT_EVERY_EVENTS must be at most 10000000',
      'READ_MODEL_CHECKPOINT_EVERY_MS: READ_MODEL_CHECKPOINT_EVERY_MS must be at most a day (86400000)',
    ]);
  });
});
