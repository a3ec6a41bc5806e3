/**
 * The scripting interface (`npm start -- --jsonl`): one JSON object per input line, exactly one JSON line
 * out per input line, once the bot has finished with it. Deliveries that became due ride along.
 */
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { z } from 'zod';
import {
  type Adapter,
  type BotPort,
  type Delivery,
  type DueWork,
  type ManualClock,
  parseInstant,
  type Reply,
} from '../../src/core/port.ts';
import { saveAttachments } from './save-attachments.ts';

const messageLine = z.strictObject({
  user: z.string().min(1),
  text: z.string(),
  room: z.string().min(1).optional(),
  name: z.string().optional(),
  manager: z.boolean().optional(),
  timezone: z.string().optional(),
});
const clockLine = z.strictObject({ advance_to: z.string().min(1) });

interface OutputReply {
  text: string;
  intent: string;
  choices: Array<{ id: string; label: string }>;
  multiple?: boolean;
  fields?: Array<{ label: string; value: string }>;
  data?: Record<string, unknown>;
  files?: string[];
}

export interface JsonlAdapterOptions {
  port: BotPort;
  /** The scheduler, for what falls due as the clock moves. */
  dueWork: DueWork;
  /** The port's clock when it only moves when told (`--now`): `advance_to` lines move it. */
  manualClock?: ManualClock;
  /** The zone of `advance_to` times written without an offset. */
  timezone: string;
  input: Readable;
  output: Writable;
  exportsDir: string;
}

export class JsonlAdapter implements Adapter {
  readonly platform = 'shell' as const;
  readonly #port: BotPort;
  readonly #dueWork: DueWork;
  readonly #manualClock: ManualClock | undefined;
  readonly #timezone: string;
  readonly #input: Readable;
  readonly #output: Writable;
  readonly #exportsDir: string;
  /** Deliveries made while the current line is processed; flushed with its output line. */
  #deliveries: Array<{ to: string; text: string; intent: string }> = [];

  constructor(options: JsonlAdapterOptions) {
    this.#port = options.port;
    this.#dueWork = options.dueWork;
    this.#manualClock = options.manualClock;
    this.#timezone = options.timezone;
    this.#input = options.input;
    this.#output = options.output;
    this.#exportsDir = options.exportsDir;
  }

  /** Reads the input to its end, one line at a time, in order. */
  async start(): Promise<void> {
    const lines = createInterface({ input: this.#input, crlfDelay: Number.POSITIVE_INFINITY });
    for await (const line of lines) {
      if (line.trim() === '') continue;
      this.#write(await this.#process(line));
    }
  }

  async stop(): Promise<void> {}

  async send(delivery: Delivery): Promise<void> {
    const { ref, reply } = delivery;
    const to = ref.isDirect ? (ref.userId ?? ref.roomId) : ref.roomId;
    this.#deliveries.push({ to, text: reply.text, intent: reply.intent });
  }

  async #process(line: string): Promise<Record<string, unknown>> {
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      return { error: 'invalid JSON: expected one object per line, e.g. {"user":"u1","text":"help"}' };
    }
    const clock = clockLine.safeParse(json);
    if (clock.success) return this.#advance(clock.data.advance_to);
    const message = messageLine.safeParse(json);
    if (!message.success) {
      const issue = message.error.issues[0];
      return { error: `invalid line: ${issue?.path.join('.') || 'line'}: ${issue?.message ?? 'invalid'}` };
    }
    const { user, text, room, name, manager, timezone } = message.data;
    const replies = await this.#port.handle({
      ref: { platform: 'shell', roomId: room ?? user, userId: user, isDirect: room === undefined },
      userId: user,
      userName: name,
      text,
      timezone,
      isManager: manager === true,
      timestamp: this.#port.clock.now(),
    });
    // With the real clock, what fell due since the last line goes out with this one.
    if (!this.#manualClock) await this.#dueWork.tick(this.#port.clock.now());
    return {
      replies: await Promise.all(replies.map((r) => this.#toOutput(r))),
      deliveries: this.#takeDeliveries(),
    };
  }

  async #advance(text: string): Promise<Record<string, unknown>> {
    const clock = this.#manualClock;
    if (!clock) return { error: 'advance_to needs a manual clock: start with --now <ISO-8601>' };
    const target = parseInstant(text, this.#timezone);
    if (!target) return { error: `advance_to: not an ISO-8601 date-time: ${text}` };
    if (target < clock.now())
      return { error: `advance_to: cannot move the clock backwards (now ${clock.now().toISOString()})` };
    // Step through each due time, so every job is delivered on time, with the clock where it would be.
    for (let due = await this.#dueWork.nextDue(); due && due <= target; due = await this.#dueWork.nextDue()) {
      if (due > clock.now()) clock.advanceTo(due);
      await this.#dueWork.tick(clock.now());
    }
    clock.advanceTo(target);
    return { replies: [], deliveries: this.#takeDeliveries() };
  }

  async #toOutput(reply: Reply): Promise<OutputReply> {
    const output: OutputReply = { text: reply.text, intent: reply.intent, choices: reply.choices ?? [] };
    if (reply.multiple) output.multiple = true;
    if (reply.fields) output.fields = reply.fields;
    if (reply.data) output.data = reply.data;
    if (reply.attachments?.length) output.files = await saveAttachments(this.#exportsDir, reply.attachments);
    return output;
  }

  #takeDeliveries(): Array<{ to: string; text: string; intent: string }> {
    const taken = this.#deliveries;
    this.#deliveries = [];
    return taken;
  }

  #write(value: Record<string, unknown>): void {
    this.#output.write(`${JSON.stringify(value)}\n`);
  }
}
