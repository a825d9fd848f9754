/** One request to one of the trigger's URLs (see endpoints.ts): check it, record it, answer it. */
import type { IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { resolveTrackingSecret } from '../../lib/tracking';
import {
	applyTracking,
	PIXEL_GIF,
	prepareGenericEvent,
	prepareTwilio,
	prepareWhatsApp,
	queryText,
	readTrackingRequest,
	verifyWhatsAppHandshake,
	type PreparedEngagement,
	type TrackingEndpoint,
} from '../../lib/webhooks';
import { openJourneyStore } from '../shared/journey-store';
import { answer, answerAndStart, answerRaw, readRequest } from '../shared/trigger-http';
import { readAuthConfig, readLimits, triggerParameter } from '../shared/trigger-properties';
import { credentialSecrets, withSecrets, withWebhookSecrets } from '../shared/trigger-secrets';
import type { Endpoint } from './endpoints';
import { engagementContext, recordDrafts, settle, summary, type Settled } from './record';
import { unsubscribedPage, unsubscribePage } from './unsubscribe-page';

export const WHATSAPP_CREDENTIAL = 'journeyWhatsAppWebhookApi';
const TWIML_OK = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

export async function receiveEvent(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	const endpoint = ctx.getWebhookName() as Endpoint;
	switch (endpoint) {
		case 'twilio':
			return await receiveTwilio(ctx);
		case 'setup':
			return await whatsAppHandshake(ctx);
		case 'whatsapp':
			return await receiveWhatsApp(ctx);
		case 'open':
		case 'click':
		case 'unsubscribe':
			return await receiveTracking(ctx, endpoint);
		case 'unsubscribePage':
			return await unsubscribeConfirmation(ctx);
		default:
			return await receiveGeneric(ctx);
	}
}

function refused(ctx: IWebhookFunctions, prepared: Exclude<PreparedEngagement, { kind: 'drafts' }>): IWebhookResponseData {
	if (prepared.kind === 'ignored') return answer(ctx, 200, { received: true, ignored: [prepared.reason], started: false });
	if (prepared.rejection.status === 401) ctx.logger.warn(`Journey Event Trigger "${ctx.getNode().name}": request refused (${prepared.rejection.body.reason})`);
	return answer(ctx, prepared.rejection.status, prepared.rejection.body);
}

function finish(ctx: IWebhookFunctions, settled: Settled): IWebhookResponseData {
	if (settled.invalid.length) return answer(ctx, 400, { error: 'invalid_payload', fields: settled.invalid });
	return answerAndStart(ctx, summary(settled), ctx.helpers.returnJsonArray(settled.start));
}

async function receiveGeneric(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	const limits = readLimits(ctx);
	const scheme = triggerParameter<string>(ctx, 'authentication', 'hmac');
	const request = await readRequest(ctx);
	const now = Date.now();
	const prepare = (secrets: string[]) =>
		prepareGenericEvent(request, { auth: readAuthConfig(ctx, secrets, limits), maxBodyBytes: limits.maxBodyBytes, defaultRegion: limits.defaultRegion }, now);
	const prepared = await withWebhookSecrets(ctx, scheme, prepare);
	if (prepared.kind !== 'drafts') return refused(ctx, prepared);
	return finish(ctx, await recordDrafts(ctx, prepared.drafts));
}

/** The URL Twilio signed: n8n's public URL of this endpoint (WEBHOOK_URL) plus the query it was called with. */
function twilioSignedUrl(ctx: IWebhookFunctions): string {
	const req = ctx.getRequestObject();
	const called = req.originalUrl ?? req.url ?? '';
	let base = ctx.getNodeWebhookUrl('twilio' as Parameters<IWebhookFunctions['getNodeWebhookUrl']>[0]) ?? '';
	if (called.split('?')[0].includes('/webhook-test/')) base = base.replace('/webhook/', '/webhook-test/');
	const query = called.indexOf('?');
	return query === -1 ? base : `${base}${called.slice(query)}`;
}

async function receiveTwilio(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	const limits = readLimits(ctx);
	const request = await readRequest(ctx);
	const url = twilioSignedUrl(ctx);
	const prepared = await withSecrets(ctx, 'twilioApi', ['authToken'], (authTokens) => prepareTwilio(request, { authTokens, url, maxBodyBytes: limits.maxBodyBytes }));
	if (prepared.kind === 'rejected') return refused(ctx, prepared);
	const settled = prepared.kind === 'drafts' ? await recordDrafts(ctx, prepared.drafts) : null;
	if (settled?.invalid.length) return answer(ctx, 400, { error: 'invalid_payload', fields: settled.invalid });
	// Twilio reads the answer as TwiML: an empty <Response/> sends no auto-reply.
	answerRaw(ctx, 200, { 'content-type': 'text/xml; charset=utf-8' }, TWIML_OK);
	return settled?.start.length ? { noWebhookResponse: true, workflowData: [ctx.helpers.returnJsonArray(settled.start)] } : { noWebhookResponse: true };
}

async function whatsAppHandshake(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	const verifyTokens = await credentialSecrets(ctx, WHATSAPP_CREDENTIAL, ['verifyToken']);
	const result = verifyWhatsAppHandshake(await readRequest(ctx), verifyTokens);
	if (!result.ok) return answer(ctx, result.rejection.status, result.rejection.body);
	return answerRaw(ctx, 200, { 'content-type': 'text/plain; charset=utf-8' }, result.challenge);
}

async function receiveWhatsApp(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	const request = await readRequest(ctx);
	const maxBodyBytes = readLimits(ctx).maxBodyBytes;
	const prepared = await withSecrets(ctx, WHATSAPP_CREDENTIAL, ['appSecret'], (appSecrets) => prepareWhatsApp(request, { appSecrets, maxBodyBytes }));
	if (prepared.kind !== 'drafts') return refused(ctx, prepared);
	return finish(ctx, await recordDrafts(ctx, prepared.drafts));
}

function trackingSecret(ctx: IWebhookFunctions): string | null {
	try {
		return resolveTrackingSecret(process.env).secret;
	} catch (error) {
		ctx.logger.warn(`Journey Event Trigger: tracking links cannot be checked: ${(error as Error).message}`);
		return null;
	}
}

async function receiveTracking(ctx: IWebhookFunctions, endpoint: TrackingEndpoint): Promise<IWebhookResponseData> {
	const secret = trackingSecret(ctx);
	if (!secret) return answer(ctx, 401, { error: 'unauthorized', reason: 'not_configured' });
	const request = readTrackingRequest(endpoint, await readRequest(ctx), secret);
	if (!request.ok) return answer(ctx, request.rejection.status, request.rejection.body);
	const store = await openJourneyStore(ctx);
	const outcome = await applyTracking(store, request.value, engagementContext(ctx));
	if (outcome.kind === 'not_found') return answer(ctx, 404, { error: 'invalid_tracking_link', reason: outcome.reason });
	const settled = await settle(ctx, [outcome], store);
	const start = settled.start.length ? { workflowData: [ctx.helpers.returnJsonArray(settled.start)] } : {};
	if (request.value.kind === 'open') answerRaw(ctx, 200, { 'content-type': 'image/gif' }, PIXEL_GIF);
	else if (request.value.kind === 'click') answerRaw(ctx, 302, { location: request.value.url });
	else answerRaw(ctx, 200, { 'content-type': 'text/html; charset=utf-8' }, unsubscribedPage());
	return { noWebhookResponse: true, ...start };
}

/** GET on the unsubscribe URL (a person, or a link scanner): a page with a button, no change. */
async function unsubscribeConfirmation(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	const secret = trackingSecret(ctx);
	if (!secret) return answer(ctx, 401, { error: 'unauthorized', reason: 'not_configured' });
	const inbound = await readRequest(ctx);
	const request = readTrackingRequest('unsubscribe', inbound, secret);
	if (!request.ok) return answer(ctx, request.rejection.status, request.rejection.body);
	const token = queryText(inbound, 't') ?? '';
	return answerRaw(ctx, 200, { 'content-type': 'text/html; charset=utf-8' }, unsubscribePage(`?t=${encodeURIComponent(token)}`));
}
