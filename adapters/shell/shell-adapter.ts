/**
 * The terminal chat (like Hubot's shell): the default adapter when no platform token is set. The person at
 * the terminal is the operator, and so a community manager. Lines piped in (a `transcript`) are chatted the
 * same way, and the output reads as the conversation: each line after `> `, then its replies.
 */
import { userInfo } from 'node:os';
import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { type Adapter, type BotPort, type Delivery, plainText, type Reply } from '../../src/core/port.ts';
import { forgetExports, saveAttachments } from './save-attachments.ts';

export interface ShellAdapterOptions {
  port: BotPort;
  input: Readable;
  output: Writable;
  exportsDir: string;
  /** The input is not a terminal: no banner nor prompt; each line is written back before its replies. */
  transcript?: boolean;
}

export class ShellAdapter implements Adapter {
  readonly platform = 'shell' as const;
  readonly #port: BotPort;
  readonly #input: Readable;
  readonly #output: Writable;
  readonly #exportsDir: string;
  readonly #transcript: boolean;
  readonly #user = userInfo().username || 'operator';
  #readline?: Interface;

  constructor(options: ShellAdapterOptions) {
    this.#port = options.port;
    this.#input = options.input;
    this.#output = options.output;
    this.#exportsDir = options.exportsDir;
    this.#transcript = options.transcript ?? false;
    forgetExports(options.port, options.exportsDir);
  }

  /** Chats until the input ends (Ctrl-D) or `stop` is called. */
  async start(): Promise<void> {
    const readline = createInterface({ input: this.#input, output: this.#output, prompt: '> ' });
    this.#readline = readline;
    if (!this.#transcript)
      this.#print(
        this.#port.defaultLang === 'fr'
          ? 'nec-bot — écrivez « aide » pour commencer, Ctrl-D pour quitter.'
          : 'nec-bot — type “help” to start, Ctrl-D to quit.',
      );
    this.#prompt();
    for await (const line of readline) {
      if (this.#transcript) this.#print(`> ${line}`);
      const replies = await this.#port.handle({
        ref: { platform: 'shell', roomId: this.#user, userId: this.#user, isDirect: true },
        userId: this.#user,
        userName: this.#user,
        text: line,
        isManager: true,
        timestamp: this.#port.clock.now(),
      });
      for (const reply of replies) await this.#show(reply);
      this.#prompt();
    }
  }

  async stop(): Promise<void> {
    this.#readline?.close();
  }

  async send(delivery: Delivery): Promise<void> {
    const where = delivery.ref.isDirect ? '' : ` [${delivery.ref.roomId}]`;
    this.#print(`\n⏰${where} ${plainText(delivery.reply)}`);
    this.#prompt(true);
  }

  #prompt(keepCursor?: boolean): void {
    if (!this.#transcript) this.#readline?.prompt(keepCursor);
  }

  async #show(reply: Reply): Promise<void> {
    this.#print(plainText(reply));
    const paths = await saveAttachments(this.#exportsDir, this.#user, reply.attachments ?? []);
    for (const path of paths) this.#print(`  → ${path}`);
  }

  #print(text: string): void {
    this.#output.write(`${text}\n`);
  }
}
