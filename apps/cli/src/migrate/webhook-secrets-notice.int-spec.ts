import { SqliteWebhookStore, WebhookSecretBox } from '@onedoor/relay-stores';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { webhookSecretsNotice } from './webhook-secrets-notice';

/** Real data directories: a webhooks.sqlite written by its store, secrets sealed by the box the platform uses. */
describe('the webhook secrets notice of onedoor migrate', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'migrate secrets '))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const registerSealedWith = async (box: WebhookSecretBox) => {
    const store = new SqliteWebhookStore(join(dir, 'webhooks.sqlite'));
    await store.add({ webhookId: 'w1', partnerId: 'calder-works', url: 'https://example.org/hook', sealedSecret: box.seal('a-secret-of-thirty-two-characters!'), createdAt: '2026-01-01T00:00:00.000Z', cursor: 0 });
    await store.close();
  };
  const otherKey = () => new WebhookSecretBox(Buffer.alloc(32, 9));

  it('says nothing when no webhook was registered', async () => {
    expect(webhookSecretsNotice(dir)).toBeUndefined();
    WebhookSecretBox.fromFile(join(dir, 'webhook-secrets.key'));
    await new SqliteWebhookStore(join(dir, 'webhooks.sqlite')).close();
    expect(webhookSecretsNotice(dir)).toBeUndefined();
  });

  it("names the data directory's key file, shell-quoted, when it opens the secrets, and never prints the key", async () => {
    const keyFile = join(dir, 'webhook-secrets.key');
    await registerSealedWith(WebhookSecretBox.fromFile(keyFile));
    const notice = webhookSecretsNotice(dir)!;
    expect(notice.setting).toBe(`WEBHOOK_SECRETS_KEY="$(cat '${keyFile}')"`);
    expect(notice.explanation).toContain(`sealed with the key in ${keyFile}`);
    expect(JSON.stringify(notice)).not.toContain(readFileSync(keyFile, 'utf8'));
  });

  it('asks for the WEBHOOK_SECRETS_KEY the embedded deployment ran with when the key file does not open them', async () => {
    await registerSealedWith(otherKey());
    expect(webhookSecretsNotice(dir)).toEqual({
      setting: 'WEBHOOK_SECRETS_KEY=<the WEBHOOK_SECRETS_KEY the embedded deployment ran with>',
      explanation: 'the 1 copied webhook signing secret(s) are not sealed with a key file in the data directory, so the embedded deployment ran with WEBHOOK_SECRETS_KEY set: every instance must run with that same value',
    });
    WebhookSecretBox.fromFile(join(dir, 'webhook-secrets.key'));
    expect(webhookSecretsNotice(dir)?.explanation).toContain(`not sealed with the key in ${join(dir, 'webhook-secrets.key')}`);
  });
});
