/** What can stop a send before anything is claimed: the visit's state, consent, the WhatsApp window. */
import type { Channel } from '../../lib/channel';
import { consentBlocker, whatsAppWindowOpen, type Blockers } from '../../lib/send';
import type { JourneyStore, Purpose, Visit } from '../../lib/store';
import type { VisitCheck } from './params';
import type { ItemVisit } from './recipient';

/** Why the visit no longer wants this message, or undefined. */
export function visitSkipReason(stored: Visit | null, item: ItemVisit | null, check: VisitCheck): string | undefined {
	if (check === 'none' || !stored || !item) return undefined;
	if (stored.status === 'cancelled') return 'the visit is cancelled';
	if (item.version !== null && stored.version !== item.version) {
		return `the visit moved (slot version ${stored.version}, this item has ${item.version})`;
	}
	if (check === 'booked' && stored.status !== 'scheduled' && stored.status !== 'rescheduled') return `the visit is ${stored.status}`;
	return undefined;
}

export interface BlockerInput {
	candidates: readonly Channel[];
	purpose: Purpose;
	consentCollectedElsewhere: boolean;
	/** An approved WhatsApp template is configured (usable outside the 24-hour window). */
	whatsAppTemplate: boolean;
	now: number;
}

export interface ChannelGate {
	blockers: Blockers;
	whatsAppWindowOpen: boolean;
}

export async function channelGate(store: JourneyStore, contactId: string, input: BlockerInput): Promise<ChannelGate> {
	const blockers: Blockers = {};
	let windowOpen = false;
	for (const channel of input.candidates) {
		const consent = await store.getConsent(contactId, channel, input.purpose);
		const blocked = consentBlocker(consent.status, input.purpose, input.consentCollectedElsewhere);
		if (blocked) {
			blockers[channel] = blocked;
			continue;
		}
		if (channel === 'whatsapp') {
			windowOpen = whatsAppWindowOpen(await store.lastInboundAt(contactId, 'whatsapp'), input.now);
			if (!windowOpen && !input.whatsAppTemplate) blockers.whatsapp = 'outside the 24-hour WhatsApp window and no approved template set';
		}
	}
	return { blockers, whatsAppWindowOpen: windowOpen };
}

export function candidatesOf(policy: string, order: readonly Channel[] | undefined): Channel[] {
	switch (policy) {
		case 'smsOnly':
			return ['sms'];
		case 'emailOnly':
			return ['email'];
		case 'preferSms':
			return ['sms', 'email'];
		case 'preferEmail':
			return ['email', 'sms'];
		default:
			return [...new Set(order ?? [])];
	}
}
