/**
 * The terminal chat (like Hubot's shell): the default adapter when no platform token is set. The person at
 * the terminal is the operator, and so a community manager.
 */
import { userInfo } from 'node:os';
import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { App } from '../../src/app.ts';
import type { Adapter } from '../../src/core/adapter.ts';
import type { Delivery, Reply } from '../../src/core/message.ts';
import { renderReplyText } from './render-text.ts';
import { saveAttachments } from './save-attachments.ts';

export interface ShellAdapterOptions {
  app: App;
  input: Readable;
  output: Writable;
  exportsDir: string;
}

export class ShellAdapter implements Adapter {
  readonly platform = 'shell' as const;
  readonly #app: App;
  readonly #input: Readable;
  readonly #output: Writable;
  readonly #exportsDir: string;
  readonly #user = userInfo().username || 'operator';
  #readline?: Interface;

  constructor(options: ShellAdapterOptions) {
    this.#app = options.app;
    this.#input = options.input;
    this.#output = options.output;
    this.#exportsDir = options.exportsDir;
  }

  /** Chats until the input ends (Ctrl-D) or `stop` is called. */
  async start(): Promise<void> {
    const readline = createInterface({ input: this.#input, output: this.#output, prompt: '> ' });
    this.#readline = readline;
    this.#print(
      this.#app.config.BOT_LANG === 'fr'
        ? 'nec-bot — écrivez « aide » pour commencer, Ctrl-D pour quitter.'
        : 'nec-bot — type “help” to start, Ctrl-D to quit.',
    );
    // The operator is the terminal's manager: the console's sign-in link comes at once, as if they typed `console`.
    if (this.#app.console.available) await this.#turn('console');
    readline.prompt();
    for await (const line of readline) {
      await this.#turn(line);
      readline.prompt();
    }
  }

  async #turn(text: string): Promise<void> {
    const replies = await this.#app.bot.handle({
      ref: { platform: 'shell', roomId: this.#user, userId: this.#user, isDirect: true },
      userId: this.#user,
      userName: this.#user,
      text,
      isManager: true,
      timestamp: this.#app.clock.now(),
    });
    for (const reply of replies) await this.#show(reply);
  }

  async stop(): Promise<void> {
    this.#readline?.close();
  }

  async send(delivery: Delivery): Promise<void> {
    const where = delivery.ref.isDirect ? '' : ` [${delivery.ref.roomId}]`;
    this.#print(`\n⏰${where} ${renderReplyText(delivery.reply)}`);
    this.#readline?.prompt(true);
  }

  async #show(reply: Reply): Promise<void> {
    this.#print(renderReplyText(reply));
    const paths = await saveAttachments(this.#exportsDir, reply.attachments ?? []);
    for (const path of paths) this.#print(`  → ${path}`);
  }

  #print(text: string): void {
    this.#output.write(`${text}\n`);
  }
}
