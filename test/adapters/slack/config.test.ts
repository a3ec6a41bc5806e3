/** The Slack part of the configuration: a half-set one stops start-up, naming the missing variable. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config.ts';

function problem(env: Record<string, string>): string | undefined {
  try {
    loadConfig(env);
    return undefined;
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
}

describe('Slack configuration', () => {
  it('accepts no Slack at all, a single workspace over HTTP or Socket Mode, and the OAuth flow', () => {
    expect(problem({})).toBeUndefined();
    expect(problem({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' })).toBeUndefined();
    expect(problem({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' })).toBeUndefined();
    const oauth = { SLACK_CLIENT_ID: 'id', SLACK_CLIENT_SECRET: 'secret', SLACK_STATE_SECRET: 'state' };
    expect(problem({ ...oauth, SLACK_SIGNING_SECRET: 's' })).toBeUndefined();
  });

  it('names the variable a half-set configuration lacks', () => {
    expect(problem({ SLACK_BOT_TOKEN: 'xoxb-1' })).toMatch(
      /^Invalid configuration: SLACK_SIGNING_SECRET: required/,
    );
    expect(problem({ SLACK_SIGNING_SECRET: 's' })).toMatch(
      /^Invalid configuration: SLACK_BOT_TOKEN: required/,
    );
    expect(problem({ SLACK_APP_TOKEN: 'xapp-1' })).toMatch(/SLACK_BOT_TOKEN: required/);
    expect(problem({ SLACK_CLIENT_ID: 'id', SLACK_CLIENT_SECRET: 'x', SLACK_SIGNING_SECRET: 's' })).toMatch(
      /SLACK_STATE_SECRET: required with SLACK_CLIENT_ID/,
    );
    expect(
      problem({
        SLACK_BOT_TOKEN: 'xoxb-1',
        SLACK_SIGNING_SECRET: 's',
        SLACK_CLIENT_ID: 'id',
        SLACK_CLIENT_SECRET: 'x',
        SLACK_STATE_SECRET: 'y',
      }),
    ).toMatch(/SLACK_BOT_TOKEN: set either/);
  });
});
