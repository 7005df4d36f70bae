import { Logger } from '@nestjs/common';
import { logCreator, logLevel } from 'kafkajs';

/**
 * Routes kafkajs's own log lines into the Nest logger at debug level: while the broker is down kafkajs
 * logs every failed connection, and the relay already says so once per outage in its own words.
 */
export const kafkaLogCreator: logCreator = () => {
  const logger = new Logger('kafkajs');
  return ({ level, log }) => {
    if (level > logLevel.WARN) return;
    const { message, broker, clientId, error } = log as { message?: string; broker?: string; clientId?: string; error?: string };
    logger.debug({ msg: message, broker, clientId, error, level: level === logLevel.ERROR ? 'error' : 'warn' });
  };
};
