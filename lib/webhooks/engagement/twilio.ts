/**
 * Twilio's form-encoded messaging webhooks: an incoming SMS (or WhatsApp via Twilio, From
 * "whatsapp:+48…") and the status callbacks of messages we sent (MessageStatus).
 * https://www.twilio.com/docs/messaging/guides/webhook-request
 */
import { providerPhone } from './phone';
import type { DeliveryStatus } from './types';
import { ID_PATTERN, invalid, type ParseResult } from './parse-result';

const STATUSES: Record<string, DeliveryStatus> = { delivered: 'delivered', read: 'read', failed: 'failed', undelivered: 'failed' };
const MAX_TEXT = 2000;

export function parseTwilio(fields: Record<string, string>): ParseResult {
	const sid = fields.MessageSid ?? fields.SmsSid;
	if (!sid || !ID_PATTERN.test(sid)) return invalid('MessageSid', 'is required');
	const status = (fields.MessageStatus ?? fields.SmsStatus ?? '').toLowerCase();
	if (status && status !== 'received' && status !== 'receiving') {
		const mapped = STATUSES[status];
		if (!mapped) return { kind: 'ignored', reason: `status "${status.slice(0, 32)}" is not recorded` };
		const code = fields.ErrorCode?.trim();
		return {
			kind: 'drafts',
			drafts: [
				{
					kind: 'status',
					source: 'twilio',
					externalEventId: `twilio:${sid}:${mapped}`,
					status: mapped,
					provider: 'twilio',
					providerMessageId: sid,
					...(mapped === 'failed' ? { error: code && /^\d{1,6}$/.test(code) ? `twilio error ${code}` : `twilio ${status}` } : {}),
				},
			],
		};
	}
	const rawFrom = fields.From ?? '';
	const channel = rawFrom.toLowerCase().startsWith('whatsapp:') ? 'whatsapp' : 'sms';
	const phone = providerPhone(rawFrom.replace(/^whatsapp:/i, ''));
	if (!phone) return invalid('From', 'is not a phone number in international format');
	const text = (fields.Body ?? '').slice(0, MAX_TEXT);
	return {
		kind: 'drafts',
		drafts: [
			{
				kind: 'inbound',
				source: 'twilio',
				externalEventId: `twilio:${sid}`,
				channel,
				from: phone,
				text,
				...(fields.ButtonPayload ? { buttonPayload: fields.ButtonPayload.slice(0, 200) } : {}),
				...(fields.ProfileName ? { profileName: fields.ProfileName.slice(0, 200) } : {}),
			},
		],
	};
}
