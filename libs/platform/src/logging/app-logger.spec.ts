import { appLogger } from './app-logger';

describe('appLogger', () => {
  afterEach(() => jest.restoreAllMocks());

  it('writes JSON lines up to LOG_LEVEL and nothing below it', () => {
    const lines: string[] = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (lines.push(String(chunk)), true));
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (lines.push(String(chunk)), true));
    const logger = appLogger({ LOG_FORMAT: 'json', LOG_LEVEL: 'warn' });
    logger.warn({ msg: 'relay on standby' }, 'relay');
    logger.log({ msg: 'not shown' }, 'relay');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ level: 'warn', context: 'relay', message: { msg: 'relay on standby' } });
  });
});
