/**
 * The bot's HTTP routes: `/healthz`, `/metrics` and the managers' console under `/console`, as routes the
 * Slack HTTP receiver serves (Bolt's `customRoutes` shape), or on their own small server when there is none.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import { match } from 'path-to-regexp';
import type { HttpRoute } from '../core/port.ts';
import type { Health } from './health.ts';
import type { Metrics } from './metrics.ts';

/** What the routes report on. */
export interface OpsSources {
  health: Health;
  metrics: Metrics;
  /** The web console: its routes, and `served(url)` once a server of ours listens. */
  console?: { routes: HttpRoute[]; served(url: string): void };
}

/** The health and metrics routes of an app, then the console's. */
export function opsRoutes(app: OpsSources): HttpRoute[] {
  app.metrics.collectProcessMetrics();
  return [
    {
      path: '/healthz',
      method: 'GET',
      handler: (_req, res) => {
        void respond(res, async () => {
          const report = await app.health.check();
          return { status: report.ok ? 200 : 503, type: 'application/json', body: JSON.stringify(report) };
        });
      },
    },
    {
      path: '/metrics',
      method: 'GET',
      handler: (_req, res) => {
        void respond(res, async () => ({
          status: 200,
          type: app.metrics.registry.contentType,
          body: await app.metrics.render(),
        }));
      },
    },
    ...(app.console?.routes ?? []),
  ];
}

async function respond(
  res: ServerResponse,
  produce: () => Promise<{ status: number; type: string; body: string }>,
): Promise<void> {
  try {
    const { status, type, body } = await produce();
    res.writeHead(status, { 'content-type': type }).end(body);
  } catch (error) {
    res.writeHead(500, { 'content-type': 'text/plain' }).end(`error: ${(error as Error).message}`);
  }
}

/**
 * Serves the routes alone on `port` (METRICS_PORT, else PORT), bound to `host`; resolves once listening.
 * Paths are path-to-regexp patterns, matched as Bolt matches them.
 */
export async function serveOps(app: OpsSources, port: number, host = '0.0.0.0'): Promise<Server> {
  const routes = opsRoutes(app).map((r) => ({ ...r, matches: match(r.path) }));
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const found = routes.filter((r) => r.matches(path));
    if (found.length === 0) {
      res
        .writeHead(404, { 'content-type': 'text/plain' })
        .end('not found: try /healthz, /metrics or /console');
      return;
    }
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    const route = found.find((r) => r.method === method);
    if (!route) {
      res.writeHead(405, { allow: found.map((r) => r.method).join(', ') }).end();
      return;
    }
    route.handler(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  app.console?.served(`http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${bound}`);
  return server;
}
