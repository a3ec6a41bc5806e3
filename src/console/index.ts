/**
 * The community managers' web console, assembled: the `console` command that mints sign-in links, the HTTP
 * route under /console (mounted wherever the bot serves /healthz), and the pipeline step that puts managers'
 * edits saved on another replica in force before a turn reads the calls or the FAQ.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Keyv } from 'keyv';
import type { Middleware } from '../core/bot.ts';
import type { Command } from '../core/commands.ts';
import type { Lang } from '../core/i18n.ts';
import type { HttpRoute } from '../core/port.ts';
import type { AtomicOps } from '../store/atomic.ts';
import { CallOverrides } from './call-overrides.ts';
import { consoleCommand } from './command.ts';
import { FaqOverrides } from './faq-overrides.ts';
import { overridesRevision } from './overrides.ts';
import type { ConsoleRouter } from './router.ts';
import type { ConsoleServices } from './services.ts';
import { ConsoleSignIn, type ManagerScope } from './sign-in.ts';

export interface ConsoleOptions extends Omit<ConsoleServices, 'callOverrides' | 'faqOverrides'> {
  kv: Keyv;
  atomic: AtomicOps;
  /** The public address of the bot's HTTP server (CONSOLE_URL), when it is behind a proxy. */
  publicUrl?: string;
  /** MATRIX_MANAGERS: they manage every room; managers by power level only their room. */
  listedMatrixManagers: readonly string[];
}

export class WebConsole {
  readonly command: Command;
  /** Keeps this replica's calls and FAQ in step with edits saved anywhere; first in the pipeline. */
  readonly middleware: Middleware;
  /** Built at the first request: until a manager opens the console, its pages are not loaded. */
  #router: Promise<ConsoleRouter> | undefined;
  readonly #services: ConsoleServices;
  readonly #logger: ConsoleOptions['logger'];
  readonly #calls: CallOverrides;
  readonly #faq: FaqOverrides;
  readonly #atomic: AtomicOps;
  readonly #signIn: ConsoleSignIn;
  #revision = -1;
  #baseUrl: string | undefined;

  constructor(options: ConsoleOptions) {
    this.#atomic = options.atomic;
    this.#baseUrl = options.publicUrl?.replace(/\/+$/, '');
    this.#calls = new CallOverrides(options);
    this.#faq = new FaqOverrides(options);
    const signIn = new ConsoleSignIn(options);
    const services: ConsoleServices = { ...options, callOverrides: this.#calls, faqOverrides: this.#faq };
    this.#services = services;
    this.#logger = options.logger;
    this.command = consoleCommand({
      listedManagers: options.listedMatrixManagers,
      defaultZone: options.defaultZone,
      link: (manager, lang, zone) => this.link(manager, lang, zone),
    });
    this.#signIn = signIn;
    this.middleware = async (_turn, next) => {
      await this.refresh();
      await next();
    };
  }

  /** A new single-use sign-in link for a manager; undefined when no HTTP server serves the console. */
  async link(manager: ManagerScope, lang: Lang, zone: string): Promise<string | undefined> {
    if (!this.#baseUrl) return undefined;
    const token = await this.#signIn.issue(manager, lang, zone);
    return `${this.#baseUrl}/console/sign-in?token=${token}&lang=${lang}`;
  }

  /** Puts in force the edits saved since this replica last looked (one read when nothing changed). */
  async refresh(): Promise<void> {
    const revision = await overridesRevision(this.#atomic);
    if (revision === this.#revision) return;
    this.#revision = revision;
    await this.#calls.sync(false);
    await this.#faq.sync();
  }

  /** Whether sign-in links can be made (an HTTP server serves the console, or CONSOLE_URL names it). */
  get available(): boolean {
    return this.#baseUrl !== undefined;
  }

  /** The server now listens at `url` (used for links unless CONSOLE_URL says where the public sees it). */
  served(url: string): void {
    this.#baseUrl ??= url;
  }

  /**
   * The router and its pages, loaded once, at the first request: the pages and what only they use (forms,
   * previews, charts, diffs) stay out of an idle bot's memory.
   */
  #pages(): Promise<ConsoleRouter> {
    this.#router ??= (async () => {
      const [{ ConsoleRouter }, activity, broadcasts, calls, faq, home] = await Promise.all([
        import('./router.ts'),
        import('./pages/activity.ts'),
        import('./pages/broadcasts.ts'),
        import('./pages/calls.ts'),
        import('./pages/faq.ts'),
        import('./pages/home.ts'),
      ]);
      const services = this.#services;
      return new ConsoleRouter(this.#signIn, this.#logger, [
        ...home.homeRoutes,
        ...calls.callRoutes(services),
        ...faq.faqRoutes(services),
        ...broadcasts.broadcastRoutes(services),
        ...activity.activityRoutes(services),
      ]);
    })();
    this.#router.catch(() => {
      this.#router = undefined;
    });
    return this.#router;
  }

  /** The routes for the bot's HTTP server, in Bolt's custom-route shape (one per method). */
  get routes(): HttpRoute[] {
    const handler = (req: IncomingMessage, res: ServerResponse) =>
      void this.#pages().then(
        (router) => router.handle(req, res),
        (error: unknown) => {
          this.#logger.error({ err: error }, 'console pages not loaded');
          res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('console error');
        },
      );
    return ['GET', 'POST'].map((method) => ({ path: '/console{/*rest}', method, handler }));
  }
}
