/** OAuth installations in the project's store, one per workspace. */
import type { Installation } from '@slack/bolt';
import { Keyv } from 'keyv';
import { describe, expect, it } from 'vitest';
import { KeyvInstallationStore } from '../../../adapters/slack/installation-store.ts';

function installation(team: string, token: string): Installation {
  return {
    team: { id: team, name: team },
    enterprise: undefined,
    user: { id: 'U1', token: undefined, scopes: undefined },
    bot: { id: 'B1', userId: 'U0BOT', token, scopes: ['chat:write'] },
    isEnterpriseInstall: false,
  };
}

describe('KeyvInstallationStore', () => {
  it('keeps one installation per workspace, and forgets one without touching the others', async () => {
    const store = new KeyvInstallationStore(new Keyv());
    await store.storeInstallation(installation('T1', 'xoxb-one'));
    await store.storeInstallation(installation('T2', 'xoxb-two'));
    const query = (teamId: string) => ({
      teamId,
      enterpriseId: undefined,
      isEnterpriseInstall: false as const,
    });
    expect((await store.fetchInstallation(query('T1'))).bot?.token).toBe('xoxb-one');
    expect((await store.fetchInstallation(query('T2'))).bot?.token).toBe('xoxb-two');
    await store.deleteInstallation(query('T1'));
    await expect(store.fetchInstallation(query('T1'))).rejects.toThrow('no Slack installation for team:T1');
    expect((await store.fetchInstallation(query('T2'))).bot?.token).toBe('xoxb-two');
  });

  it('keys an organisation-wide install by its enterprise', async () => {
    const store = new KeyvInstallationStore(new Keyv());
    await store.storeInstallation({
      ...installation('T1', 'xoxb-org'),
      team: undefined,
      enterprise: { id: 'E1', name: 'Org' },
      isEnterpriseInstall: true,
    });
    const found = await store.fetchInstallation({
      teamId: undefined,
      enterpriseId: 'E1',
      isEnterpriseInstall: true,
    });
    expect(found.bot?.token).toBe('xoxb-org');
  });
});
