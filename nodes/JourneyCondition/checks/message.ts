/**
 * The status of an earlier message: sent, delivered, opened, clicked, bounced, or the reply to it.
 * Engagement events count when they name the message; replies also when they name no message but
 * came on its channel after it (an SMS answer is not tied to a message by the provider).
 */
import { CHANNELS, type Channel, type EngagementEvent, type EventType, type JourneyStore, type Message } from '../../../lib/store';
import { fieldError, type ItemParameters } from '../params';
import { findContact } from './contact';
import type { Check, Evaluation } from './types';

/** Events that prove each status (a click proves the open; any engagement proves delivery). */
const PROOF: Record<string, EventType[]> = {
	delivered: ['delivered', 'opened', 'clicked', 'replied'],
	opened: ['opened', 'clicked'],
	clicked: ['clicked'],
	bounced: ['bounced'],
	reply: ['replied'],
};

const OUTCOMES: Record<string, [yes: string, no: string]> = {
	sent: ['Sent', 'Not Sent'],
	delivered: ['Delivered', 'Not Delivered'],
	opened: ['Opened', 'Not Opened'],
	clicked: ['Clicked', 'Not Clicked'],
	bounced: ['Bounced', 'Not Bounced'],
};

const YES = new Set(['yes', 'confirm', 'confirmed']);
const NO = new Set(['no', 'cancel', 'decline', 'declined']);

async function findMessage(parameters: ItemParameters, store: JourneyStore): Promise<{ message: Message | null; missing: string }> {
	if (parameters.text('messageLookup', 'latest') === 'id') {
		const id = parameters.required('messageId', 'Message ID', 'message ID');
		return { message: await store.getMessage(id), missing: `no message with ID ${id} in the Journey Store` };
	}
	const { contact, missing } = await findContact(parameters, store);
	if (!contact) return { message: null, missing };
	const channel = parameters.text('messageChannel', 'any');
	if (channel !== 'any' && !CHANNELS.includes(channel as Channel)) {
		throw fieldError('Channel', `expected one of any, ${CHANNELS.join(', ')}, got ${JSON.stringify(channel)}`);
	}
	const message = await store.findLatestMessage({ contactId: contact.id, ...(channel === 'any' ? {} : { channel: channel as Channel }) });
	return { message, missing: `no message${channel === 'any' ? '' : ` on ${channel}`} to this contact in the Journey Store` };
}

function belongsTo(message: Message, event: EngagementEvent): boolean {
	if (event.messageId === message.id) return true;
	return event.type === 'replied' && event.messageId === null && (event.channel === null || event.channel === message.channel);
}

function replyOutcome(reply: EngagementEvent): string {
	const intent = (reply.intent ?? '').toLowerCase();
	if (YES.has(intent)) return 'Replied Yes';
	if (NO.has(intent)) return 'Replied No';
	return 'Other Reply';
}

export const messageStatus: Check = async (parameters, store) => {
	const status = parameters.text('messageStatus', 'opened');
	const negative = status === 'reply' ? 'No Reply' : OUTCOMES[status]?.[1];
	if (!negative) throw fieldError('Status', `unknown status ${JSON.stringify(status)}`);
	const { message, missing } = await findMessage(parameters, store);
	if (!message) return { outcome: negative, reason: missing };
	const about = `${message.channel} message ${message.id}`;
	if (status === 'sent') {
		const sent = message.status === 'sent';
		return { outcome: OUTCOMES.sent[sent ? 0 : 1], reason: `${about} is ${message.status}` };
	}
	const types = PROOF[status];
	const events = (await store.listEvents({ contactId: message.contactId, types, since: message.createdAt })).filter((event) =>
		belongsTo(message, event),
	);
	const latest = events.at(-1);
	if (latest) {
		const outcome = status === 'reply' ? replyOutcome(latest) : OUTCOMES[status][0];
		const intent = latest.intent ? ` (${latest.intent})` : '';
		return { outcome, reason: `${about}: ${latest.type}${intent} at ${latest.occurredAt}` };
	}
	const evaluation: Evaluation = { outcome: negative, reason: `${about}: no ${types.join('/')} event yet` };
	return { ...evaluation, waitFor: { contactId: message.contactId, visitId: message.visitId, eventTypes: types } };
};
