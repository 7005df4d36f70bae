import { loadConfig } from '@onedoor/platform';
import { openRelayTables, relayPostgresOptions } from './relay-postgres';

describe('opening a relay store in PostgreSQL', () => {
  it('names the store and the schema when the server cannot be reached', async () => {
    // Nothing listens on port 1.
    const options = { pool: { connectionString: 'postgres://postgres@127.0.0.1:1/test', connectionTimeoutMillis: 2000 }, schema: 'onedoor' };
    await expect(openRelayTables(options, 'webhooks', [])).rejects.toThrow(/^the relay's webhooks store could not open its tables in PostgreSQL schema onedoor: .*ECONNREFUSED/);
  });

  it('refuses a schema name that is not a plain identifier before connecting', async () => {
    await expect(openRelayTables({ pool: {}, schema: 'Robert"); drop' }, 'webhooks', [])).rejects.toThrow('schema must be a lower-case SQL identifier');
  });

  it('takes the URL and schema from the configuration', () => {
    const config = loadConfig({ EVENT_STORE: 'postgres', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test', DATABASE_SCHEMA: 'calder' });
    expect(relayPostgresOptions(config)).toMatchObject({ pool: { connectionString: 'postgres://postgres@127.0.0.1:5432/test' }, schema: 'calder' });
  });
});
