/**
 * Slack's Socket Mode side, for tests: a minimal WebSocket server (RFC 6455 handshake and frames, pings
 * answered) on 127.0.0.1 that says `hello`, sends envelopes (events, slash commands, interactions) and
 * resolves with the acknowledgement the app sends back for each.
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

const HANDSHAKE_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const OPCODE = { text: 0x1, close: 0x8, ping: 0x9, pong: 0xa } as const;

/** One unmasked frame, as a server sends it. */
function frame(opcode: number, payload: Buffer): Buffer {
  const length = payload.length;
  const head =
    length < 126
      ? Buffer.from([0x80 | opcode, length])
      : length < 65536
        ? Buffer.from([0x80 | opcode, 126, length >> 8, length & 0xff])
        : Buffer.concat([Buffer.from([0x80 | opcode, 127]), bigLength(length)]);
  return Buffer.concat([head, payload]);
}

function bigLength(length: number): Buffer {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64BE(BigInt(length));
  return bytes;
}

/** Reads the complete (masked) frames at the start of `buffer`; returns them and what is left over. */
function readFrames(buffer: Buffer): { frames: Array<{ opcode: number; payload: Buffer }>; rest: Buffer } {
  const frames: Array<{ opcode: number; payload: Buffer }> = [];
  let at = 0;
  for (;;) {
    if (buffer.length - at < 2) break;
    const opcode = (buffer[at] ?? 0) & 0x0f;
    const second = buffer[at + 1] ?? 0;
    const masked = (second & 0x80) !== 0;
    let length = second & 0x7f;
    let offset = at + 2;
    if (length === 126) {
      if (buffer.length < offset + 2) break;
      length = buffer.readUInt16BE(offset);
      offset += 2;
    } else if (length === 127) {
      if (buffer.length < offset + 8) break;
      length = Number(buffer.readBigUInt64BE(offset));
      offset += 8;
    }
    const maskLength = masked ? 4 : 0;
    if (buffer.length < offset + maskLength + length) break;
    const mask = buffer.subarray(offset, offset + maskLength);
    const payload = Buffer.from(buffer.subarray(offset + maskLength, offset + maskLength + length));
    if (masked) for (let i = 0; i < payload.length; i++) payload[i] = (payload[i] ?? 0) ^ (mask[i % 4] ?? 0);
    frames.push({ opcode, payload });
    at = offset + maskLength + length;
  }
  return { frames, rest: buffer.subarray(at) };
}

export class FakeSocketMode {
  readonly #server: Server;
  #socket?: Duplex;
  #connected?: () => void;
  readonly connected: Promise<void>;
  readonly #acks = new Map<string, (ack: Record<string, unknown>) => void>();
  #envelopes = 0;

  private constructor(server: Server) {
    this.#server = server;
    this.connected = new Promise((resolve) => {
      this.#connected = resolve;
    });
    server.on('upgrade', (req, socket) => this.#accept(String(req.headers['sec-websocket-key']), socket));
  }

  static async start(): Promise<FakeSocketMode> {
    const server = createServer((_req, res) => res.writeHead(426).end());
    const fake = new FakeSocketMode(server);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    return fake;
  }

  /** What `apps.connections.open` returns as the connection URL. */
  get url(): string {
    return `ws://127.0.0.1:${(this.#server.address() as AddressInfo).port}/link`;
  }

  /** Sends an envelope of `type` and resolves with the app's acknowledgement of it. */
  send(type: string, payload: Record<string, unknown>): Promise<Record<string, unknown>> {
    const envelopeId = `envelope-${++this.#envelopes}`;
    const acked = new Promise<Record<string, unknown>>((resolve) => this.#acks.set(envelopeId, resolve));
    this.#write({ envelope_id: envelopeId, type, payload, accepts_response_payload: type !== 'events_api' });
    return acked;
  }

  async close(): Promise<void> {
    this.#socket?.destroy();
    this.#server.closeAllConnections();
    await new Promise((resolve) => this.#server.close(resolve));
  }

  #accept(key: string, socket: Duplex): void {
    const accept = createHash('sha1')
      .update(key + HANDSHAKE_GUID)
      .digest('base64');
    socket.write(
      'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        `Sec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    this.#socket = socket;
    let pending: Buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      const { frames, rest } = readFrames(Buffer.concat([pending, chunk]));
      pending = rest;
      for (const { opcode, payload } of frames) this.#receive(socket, opcode, payload);
    });
    socket.on('error', () => {});
    this.#write({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0NEC' } });
    this.#connected?.();
  }

  #receive(socket: Duplex, opcode: number, payload: Buffer): void {
    if (opcode === OPCODE.ping) socket.write(frame(OPCODE.pong, payload));
    else if (opcode === OPCODE.close) socket.end(frame(OPCODE.close, payload));
    else if (opcode === OPCODE.text) {
      const ack = JSON.parse(payload.toString('utf8')) as Record<string, unknown>;
      const resolve = this.#acks.get(String(ack.envelope_id));
      this.#acks.delete(String(ack.envelope_id));
      resolve?.(ack);
    }
  }

  #write(message: Record<string, unknown>): void {
    this.#socket?.write(frame(OPCODE.text, Buffer.from(JSON.stringify(message))));
  }
}
