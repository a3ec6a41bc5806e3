/**
 * Slack OAuth installations kept in the project's store (keyv), one per workspace (or per Enterprise Grid
 * organisation for org-wide installs), so one deployment serves every community that installed the app.
 */
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { Keyv } from 'keyv';

/** The store key of an installation: org-wide installs by enterprise id, the others by team (workspace) id. */
function installationKey(isEnterpriseInstall: boolean, enterpriseId?: string, teamId?: string): string {
  const scope = isEnterpriseInstall ? `enterprise:${enterpriseId}` : `team:${teamId}`;
  return `slack:installation:${scope}`;
}

export class KeyvInstallationStore implements InstallationStore {
  readonly #kv: Keyv;

  constructor(kv: Keyv) {
    this.#kv = kv;
  }

  async storeInstallation(installation: Installation): Promise<void> {
    const org = installation.isEnterpriseInstall === true;
    await this.#kv.set(
      installationKey(org, installation.enterprise?.id, installation.team?.id),
      installation,
    );
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<Installation> {
    const key = installationKey(query.isEnterpriseInstall, query.enterpriseId, query.teamId);
    const installation = await this.#kv.get<Installation>(key);
    // Bolt turns this into an authorization error, answered by a log line rather than a crash.
    if (!installation)
      throw new Error(`no Slack installation for ${key.slice('slack:installation:'.length)}`);
    return installation;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    await this.#kv.delete(installationKey(query.isEnterpriseInstall, query.enterpriseId, query.teamId));
  }
}
