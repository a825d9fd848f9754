/**
 * WhatsApp Cloud API webhooks: {"object": "whatsapp_business_account", "entry": [{"changes":
 * [{"field": "messages", "value": {"messages": […], "statuses": […]}}]}]}. One delivery may carry
 * several messages and statuses. https://developers.facebook.com/docs/whatsapp/cloud-api/webhooks
 */
import { isObject } from '../http';
import { providerPhone } from './phone';
import type { DeliveryStatus, EngagementDraft } from './types';
import { ID_PATTERN, invalid, type ParseResult } from './parse-result';

const STATUSES: Record<string, DeliveryStatus> = { delivered: 'delivered', read: 'read', failed: 'failed' };
const MAX_TEXT = 2000;

const list = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? value.filter(isObject) : []);
const str = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);
const obj = (value: unknown): Record<string, unknown> => (isObject(value) ? value : {});

function occurredAt(timestamp: unknown): string | undefined {
	const seconds = typeof timestamp === 'string' && /^\d{9,11}$/.test(timestamp) ? Number(timestamp) : undefined;
	return seconds === undefined ? undefined : new Date(seconds * 1000).toISOString();
}

/** The text a person sent or the button they pressed. */
function messageText(message: Record<string, unknown>): { text: string; buttonPayload?: string } {
	const interactive = obj(message.interactive);
	const reply = obj(interactive.button_reply ?? interactive.list_reply);
	const button = obj(message.button);
	const text = str(obj(message.text).body) ?? str(button.text) ?? str(reply.title) ?? '';
	const buttonPayload = str(button.payload) ?? str(reply.id);
	return { text: text.slice(0, MAX_TEXT), ...(buttonPayload ? { buttonPayload: buttonPayload.slice(0, 200) } : {}) };
}

export function parseWhatsApp(body: Record<string, unknown>): ParseResult {
	if (body.object !== 'whatsapp_business_account') return invalid('object', 'must be "whatsapp_business_account"');
	if (!Array.isArray(body.entry)) return invalid('entry', 'must be a list');
	const drafts: EngagementDraft[] = [];
	const names = new Map<string, string>();
	for (const entry of list(body.entry)) {
		for (const change of list(entry.changes)) {
			if (change.field !== 'messages') continue;
			const value = obj(change.value);
			for (const contact of list(value.contacts)) {
				const name = str(obj(contact.profile).name);
				if (name && str(contact.wa_id)) names.set(String(contact.wa_id), name.slice(0, 200));
			}
			for (const message of list(value.messages)) {
				const id = str(message.id);
				const phone = providerPhone(`+${str(message.from) ?? ''}`);
				if (!id || !ID_PATTERN.test(id) || !phone) continue;
				const profileName = names.get(String(message.from));
				drafts.push({
					kind: 'inbound',
					source: 'whatsapp',
					externalEventId: `whatsapp:${id}`,
					occurredAt: occurredAt(message.timestamp),
					channel: 'whatsapp',
					from: phone,
					...messageText(message),
					...(profileName ? { profileName } : {}),
				});
			}
			for (const status of list(value.statuses)) {
				const id = str(status.id);
				const mapped = STATUSES[String(status.status)];
				if (!id || !ID_PATTERN.test(id) || !mapped) continue;
				const error = obj(list(status.errors)[0]);
				drafts.push({
					kind: 'status',
					source: 'whatsapp',
					externalEventId: `whatsapp:${id}:${mapped}`,
					occurredAt: occurredAt(status.timestamp),
					status: mapped,
					provider: 'whatsapp',
					providerMessageId: id,
					...(mapped === 'failed' ? { error: `whatsapp error ${typeof error.code === 'number' ? error.code : 'unknown'}` } : {}),
				});
			}
		}
	}
	return drafts.length ? { kind: 'drafts', drafts } : { kind: 'ignored', reason: 'no messages or delivery statuses this trigger records' };
}
