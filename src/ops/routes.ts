/**
 * The operations endpoints, `/healthz` and `/metrics`, as routes the Slack HTTP receiver serves (Bolt's
 * `customRoutes` shape), or on their own small server on METRICS_PORT when there is no Slack receiver.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { HttpRoute } from '../core/port.ts';
import type { Health } from './health.ts';
import type { Metrics } from './metrics.ts';

/** What the routes report on. */
export interface OpsSources {
  health: Health;
  metrics: Metrics;
}

/** The health and metrics routes of an app. */
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

/** Serves the ops routes alone on `port` (METRICS_PORT), bound to `host`; resolves once listening. */
export async function serveOps(app: OpsSources, port: number, host = '0.0.0.0'): Promise<Server> {
  const routes = opsRoutes(app);
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const route = routes.find((r) => r.path === path);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found: try /healthz or /metrics');
      return;
    }
    if (req.method !== route.method && !(req.method === 'HEAD' && route.method === 'GET')) {
      res.writeHead(405, { allow: route.method }).end();
      return;
    }
    route.handler(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}
