/**
 * The scripting interface (`npm start -- --jsonl`): one JSON object per input line, exactly one JSON line
 * out per input line, once the bot has finished with it. Deliveries that became due ride along.
 *
 * A delivery is written out the moment it is made, before its job is marked delivered: the output line is
 * written in pieces (`{"replies":[…],"deliveries":[` first, each delivery as it goes, `]}` last), so a
 * process killed with SIGKILL has written every delivery it marked done — its last line then ends early.
 */
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
import { inputLines, MAX_LINE_BYTES } from './jsonl-lines.ts';
import { forgetExports, saveAttachments } from './save-attachments.ts';

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
  /** Deliveries written so far in the current output line. */
  #written = 0;

  constructor(options: JsonlAdapterOptions) {
    this.#port = options.port;
    this.#dueWork = options.dueWork;
    this.#manualClock = options.manualClock;
    this.#timezone = options.timezone;
    this.#input = options.input;
    this.#output = options.output;
    this.#exportsDir = options.exportsDir;
    forgetExports(options.port, options.exportsDir);
  }

  /** Reads the input to its end, one line at a time, in order. */
  async start(): Promise<void> {
    for await (const line of inputLines(this.#input)) {
      if ('tooLong' in line) {
        await this.#write(
          `${JSON.stringify({ error: `line too long (${line.tooLong} bytes; at most ${MAX_LINE_BYTES}): skipped` })}\n`,
        );
        continue;
      }
      if (line.text.trim() !== '') await this.#process(line.text);
    }
  }

  async stop(): Promise<void> {}

  /** Writes the delivery into the output line under way; resolves once it is written (then the job is done). */
  async send(delivery: Delivery): Promise<void> {
    const { ref, reply } = delivery;
    const to = ref.isDirect ? (ref.userId ?? ref.roomId) : ref.roomId;
    // A job whose process died between writing it and marking it done is sent again, and says so.
    const doubt = delivery.inDoubt ? { in_doubt: true, job: delivery.jobId } : {};
    const item = JSON.stringify({ to, text: reply.text, intent: reply.intent, ...doubt });
    await this.#write(this.#written++ === 0 ? item : `,${item}`);
  }

  async #process(line: string): Promise<void> {
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      return this.#fail('invalid JSON: expected one object per line, e.g. {"user":"u1","text":"help"}');
    }
    const clock = clockLine.safeParse(json);
    if (clock.success) return this.#advance(clock.data.advance_to);
    const message = messageLine.safeParse(json);
    if (!message.success) {
      const issue = message.error.issues[0];
      return this.#fail(`invalid line: ${issue?.path.join('.') || 'line'}: ${issue?.message ?? 'invalid'}`);
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
    const output = await Promise.all(replies.map((r) => this.#toOutput(r, user)));
    await this.#withDeliveries(output, async () => {
      // With the real clock, what fell due since the last line goes out with this one.
      if (!this.#manualClock) await this.#dueWork.tick(this.#port.clock.now());
    });
  }

  async #advance(text: string): Promise<void> {
    const clock = this.#manualClock;
    if (!clock) return this.#fail('advance_to needs a manual clock: start with --now <ISO-8601>');
    const target = parseInstant(text, this.#timezone);
    if (!target) return this.#fail(`advance_to: not an ISO-8601 date-time: ${text}`);
    if (target < clock.now())
      return this.#fail(`advance_to: cannot move the clock backwards (now ${clock.now().toISOString()})`);
    await this.#withDeliveries([], async () => {
      // Step through each due time, so every job is delivered on time, with the clock where it would be.
      for (
        let due = await this.#dueWork.nextDue();
        due && due <= target;
        due = await this.#dueWork.nextDue()
      ) {
        if (due > clock.now()) clock.advanceTo(due);
        await this.#dueWork.tick(clock.now());
      }
      clock.advanceTo(target);
    });
  }

  /** Writes the output line `{"replies":…,"deliveries":[…]}` with the deliveries `work` makes written as made. */
  async #withDeliveries(replies: OutputReply[], work: () => Promise<void>): Promise<void> {
    this.#written = 0;
    await this.#write(`{"replies":${JSON.stringify(replies)},"deliveries":[`);
    try {
      await work();
    } finally {
      await this.#write(']}\n');
    }
  }

  #fail(error: string): Promise<void> {
    return this.#write(`${JSON.stringify({ error })}\n`);
  }

  async #toOutput(reply: Reply, user: string): Promise<OutputReply> {
    const output: OutputReply = { text: reply.text, intent: reply.intent, choices: reply.choices ?? [] };
    if (reply.multiple) output.multiple = true;
    if (reply.fields) output.fields = reply.fields;
    if (reply.data) output.data = reply.data;
    if (reply.attachments?.length)
      output.files = await saveAttachments(this.#exportsDir, user, reply.attachments);
    return output;
  }

  /** Resolves once the text is handed to the system (the pipe or file), not merely buffered here. */
  #write(text: string): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#output.write(text, (error) => (error ? reject(error) : resolve()));
    });
  }
}
