import { BODY_CHECKS, BodyCheck } from '@onedoor/platform';
import { ConsentLossProcess } from '../../apps/referrals/src/people/consent-loss.process';
import { DirectoryShareTurns } from '../../apps/referrals/src/services/directory-share-turns';
import { FactsAsRead } from '../../apps/referrals/src/shared/facts-as-read';

/**
 * The one place that reads ONEDOOR_TEST_SWITCH_OFF (comma-separated), for the test entry point and the in-process
 * suites: it switches guards off in this process, to watch a suite that should catch their absence fail.
 *   - a body check by name (BODY_CHECKS): content-type, depth, surrogates, controls, bidi, sizes, prototype-keys;
 *   - `shares`: listings and updates no longer take turns per partner and see no share used;
 *   - `conditions`: referral appends no longer carry the person-stream condition;
 *   - `consent-loss`: the consent-loss process does nothing.
 * Returns the names switched off; an unknown name throws, so a typo cannot pass for a run with a guard off.
 */
export function switchOffChecks(names = process.env.ONEDOOR_TEST_SWITCH_OFF ?? ''): string[] {
  const off = names.split(',').map((name) => name.trim()).filter(Boolean);
  for (const name of off) {
    if (name in BODY_CHECKS) BODY_CHECKS[name as BodyCheck] = false;
    else if (name === 'shares') {
      DirectoryShareTurns.prototype.inTurn = (_partnerId, write) => write();
      DirectoryShareTurns.prototype.shareOf = () => ({ used: { services: 0, needs: 0, communities: 0, localities: 0 }, newToConsortium: { needs: [], communities: [], localities: [] } });
    } else if (name === 'conditions') FactsAsRead.prototype.conditions = () => [];
    else if (name === 'consent-loss') {
      ConsentLossProcess.prototype.handle = () => undefined;
      ConsentLossProcess.prototype.sweep = () => Promise.resolve(0);
    } else throw new Error(`ONEDOOR_TEST_SWITCH_OFF names an unknown check: ${name}`);
  }
  return off;
}
