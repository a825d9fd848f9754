/**
 * A real HTTP server (express, from the n8n runtime, as n8n uses it) in front of the harness,
 * shaped like n8n's webhook endpoints:
 *   POST /webhook/<webhookId>/<path>       production webhooks of activated workflows
 *   ANY  /webhook-waiting/<executionId>     resume of a run parked on a restartWebhook node
 * Bodies are read and parsed as n8n does (rawBody kept; JSON, form and text parsed; a JSON body
 * that does not parse answers 422 before any node sees it, as in n8n).
 */
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQueryString } from 'node:querystring';

import { runtimeRequire } from './runtime';

export interface WebhookRequest extends http.IncomingMessage {
	rawBody: Buffer;
	body: unknown;
	query: Record<string, unknown>;
	params: Record<string, string>;
	contentType?: string;
}

/** The part of express's Response that handlers here use. */
export interface WebhookResponse extends http.ServerResponse {
	status(code: number): WebhookResponse;
	json(body: unknown): WebhookResponse;
	send(body: unknown): WebhookResponse;
}

type ExpressApp = ((req: http.IncomingMessage, res: http.ServerResponse) => void) & {
	use(handler: (req: WebhookRequest, res: WebhookResponse) => void): void;
	disable(setting: string): void;
};

export interface Route {
	kind: 'webhook' | 'waiting';
	/** For 'webhook': "<webhookId>/<path>"; for 'waiting': "<executionId>". */
	key: string;
	suffix?: string;
}

const MAX_BODY_BYTES = 16 * 1024 * 1024;

function readBody(req: http.IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) {
				reject(new Error('payload too large'));
				req.destroy();
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

export function parseRoute(pathname: string): Route | undefined {
	const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
	if (parts[0] === 'webhook' && parts.length >= 2) return { kind: 'webhook', key: parts.slice(1).join('/') };
	if (parts[0] === 'webhook-waiting' && parts.length >= 2) {
		return { kind: 'waiting', key: parts[1], suffix: parts.slice(2).join('/') || undefined };
	}
	return undefined;
}

export function sendJson(res: WebhookResponse, status: number, body: unknown): void {
	if (res.headersSent) return;
	res.status(status).json(body);
}

export class WebhookServer {
	private server?: http.Server;

	constructor(private readonly handle: (route: Route, req: WebhookRequest, res: WebhookResponse) => Promise<void>) {}

	async listen(): Promise<string> {
		const express = runtimeRequire('express') as () => ExpressApp;
		const app = express();
		app.disable('x-powered-by');
		app.use((req, res) => {
			void this.onRequest(req, res);
		});
		const { createServer } = runtimeRequire('node:http') as typeof http;
		this.server = createServer(app);
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		const { port } = this.server.address() as AddressInfo;
		return `http://127.0.0.1:${port}`;
	}

	async close(): Promise<void> {
		if (!this.server) return;
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server!.close(() => resolve()));
	}

	private async onRequest(req: WebhookRequest, res: WebhookResponse): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://localhost');
		const route = parseRoute(url.pathname);
		if (!route) return sendJson(res, 404, { message: 'Not found' });
		try {
			req.rawBody = await readBody(req);
		} catch {
			return sendJson(res, 413, { message: 'Payload too large' });
		}
		req.params = {};
		req.contentType = req.headers['content-type']?.split(';')[0].trim().toLowerCase();
		try {
			req.body = this.parseBody(req);
		} catch (error) {
			return sendJson(res, 422, { message: 'Failed to parse request body', hint: (error as Error).message });
		}
		try {
			await this.handle(route, req, res);
		} catch (error) {
			sendJson(res, 500, { message: (error as Error).message, stack: (error as Error).stack?.split("\n").slice(0, 6) });
		}
	}

	private parseBody(req: WebhookRequest): unknown {
		const text = req.rawBody.toString('utf8').replace(/^\uFEFF/, '');
		if (!req.rawBody.length) return {};
		if (req.contentType === 'application/json') return JSON.parse(text);
		if (req.contentType === 'application/x-www-form-urlencoded') return { ...parseQueryString(text) };
		if (req.contentType === 'text/plain') return text;
		return {};
	}
}
