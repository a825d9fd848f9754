/**
 * The Visit and Journey Event Triggers read the request as lib/webhooks expects it and answer it
 * themselves (then return noWebhookResponse), so every answer, 2xx or 4xx, has exactly the body
 * they chose, in n8n and in the test harness alike.
 */
import type { IWebhookFunctions, IWebhookResponseData, INodeExecutionData } from 'n8n-workflow';

import type { InboundRequest } from '../../lib/webhooks';

type N8nRequest = ReturnType<IWebhookFunctions['getRequestObject']> & { rawBody?: Buffer | string; readRawBody?: () => Promise<void> };

export async function readRequest(ctx: IWebhookFunctions): Promise<InboundRequest> {
	const req = ctx.getRequestObject() as N8nRequest;
	// For typeVersion 2 nodes n8n reads the body only when it is JSON, text, a form or XML; any other
	// type is read here, as n8n itself does for typeVersion 1 (multipart stays n8n's to parse).
	const multipart = String(req.headers?.['content-type'] ?? '').startsWith('multipart/');
	if (req.rawBody === undefined && !multipart && typeof req.readRawBody === 'function') await req.readRawBody();
	const raw = req.rawBody;
	return {
		method: req.method ?? 'POST',
		rawBody: Buffer.isBuffer(raw) ? raw : Buffer.from(typeof raw === 'string' ? raw : ''),
		headers: req.headers ?? {},
		query: (ctx.getQueryData() ?? {}) as Record<string, unknown>,
	};
}

type Body = string | Buffer;

function send(ctx: IWebhookFunctions, status: number, headers: Record<string, string>, body: Body): void {
	const res = ctx.getResponseObject();
	if (res.headersSent) return;
	res.writeHead(status, { 'cache-control': 'no-store', ...headers });
	res.end(body);
}

/** Answers with JSON and starts nothing. */
export function answer(ctx: IWebhookFunctions, status: number, body: object): IWebhookResponseData {
	send(ctx, status, { 'content-type': 'application/json; charset=utf-8' }, JSON.stringify(body));
	return { noWebhookResponse: true };
}

/** Answers with JSON and starts one execution with these items. */
export function answerAndStart(ctx: IWebhookFunctions, body: object, items: INodeExecutionData[]): IWebhookResponseData {
	send(ctx, 200, { 'content-type': 'application/json; charset=utf-8' }, JSON.stringify(body));
	return items.length ? { noWebhookResponse: true, workflowData: [items] } : { noWebhookResponse: true };
}

/** Any other answer (a GIF, a redirect, TwiML, a challenge, an HTML page). */
export function answerRaw(ctx: IWebhookFunctions, status: number, headers: Record<string, string>, body: Body = ''): IWebhookResponseData {
	send(ctx, status, headers, body);
	return { noWebhookResponse: true };
}
