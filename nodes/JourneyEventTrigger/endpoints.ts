/**
 * The trigger's URLs, all under one path so senders need only one base URL:
 *   POST <path>               generic JSON events (surveys, payments, attendance, n8n Form Trigger output …)
 *   POST <path>/twilio        Twilio incoming messages and status callbacks (form-encoded)
 *   GET  <path>/whatsapp      Meta's verification handshake;  POST: WhatsApp Cloud API webhooks
 *   GET  <path>/open          email open pixel;  GET <path>/click: tracked link redirect
 *   POST <path>/unsubscribe   RFC 8058 one-click unsubscribe;  GET: a confirmation page
 * (lib/tracking builds the /open, /click and /unsubscribe URLs from this same base.)
 */
import type { IWebhookDescription } from 'n8n-workflow';

import { pathField } from '../shared/trigger-webhooks';

export const ENDPOINTS = ['default', 'twilio', 'setup', 'whatsapp', 'open', 'click', 'unsubscribePage', 'unsubscribe'] as const;
export type Endpoint = (typeof ENDPOINTS)[number];

function endpoint(name: Endpoint, httpMethod: 'GET' | 'POST', suffix: string): IWebhookDescription {
	// n8n routes by method and path; the name only tells webhook() which URL was called.
	return { name: name as IWebhookDescription['name'], httpMethod, responseMode: 'onReceived', ...pathField(suffix) };
}

/** GET before POST on a shared path. */
export const eventTriggerWebhooks: IWebhookDescription[] = [
	endpoint('default', 'POST', ''),
	endpoint('twilio', 'POST', 'twilio'),
	endpoint('setup', 'GET', 'whatsapp'),
	endpoint('whatsapp', 'POST', 'whatsapp'),
	endpoint('open', 'GET', 'open'),
	endpoint('click', 'GET', 'click'),
	endpoint('unsubscribePage', 'GET', 'unsubscribe'),
	endpoint('unsubscribe', 'POST', 'unsubscribe'),
];
