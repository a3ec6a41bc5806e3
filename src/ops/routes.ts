/**
 * The operations endpoints, `/healthz` and `/metrics`, as routes the Slack HTTP receiver serves (Bolt's
 * `customRoutes` shape), or on their own small server on METRICS_PORT when there is no Slack receiver.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { match } from 'path-to-regexp';
import type { App } from '../app.ts';

/** One HTTP route, in the shape of Bolt's `CustomRoute`. */
export interface OpsRoute {
  /** A path-to-regexp pattern, as Bolt matches it (`/console{/*rest}`). */
  path: string;
  method: string | string[];
  handler(req: IncomingMessage, res: ServerResponse): void;
}

/** The health and metrics routes of an app, and the managers' console. */
export function opsRoutes(app: App): OpsRoute[] {
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
    app.console.route,
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
 * Serves the ops routes and the console alone on `port` (METRICS_PORT, or PORT for the terminal), bound to
 * `host`; resolves once listening.
 */
export async function serveOps(app: App, port: number, host = '0.0.0.0'): Promise<Server> {
  const routes = opsRoutes(app).map((r) => ({
    ...r,
    methods: [r.method].flat(),
    matches: match(r.path),
  }));
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const route = routes.find((r) => r.matches(path));
    if (!route) {
      res
        .writeHead(404, { 'content-type': 'text/plain' })
        .end('not found: try /healthz, /metrics or /console');
      return;
    }
    const method = req.method === 'HEAD' ? 'GET' : (req.method ?? 'GET');
    if (!route.methods.includes(method)) {
      res.writeHead(405, { allow: route.methods.join(', ') }).end();
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
  app.console.served(`http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${bound}`);
  return server;
}
