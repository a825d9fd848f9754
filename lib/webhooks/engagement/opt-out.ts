/** Opting out: consent revoked for each channel and purpose, and one recorded opt_out event. */
import type { Channel, Contact, EngagementEvent, JourneyStore, Message, Purpose } from '../../store';

export const ALL_PURPOSES: Purpose[] = ['service', 'marketing'];

/** Null when this opt-out (its externalEventId) was recorded before. Consent already revoked is left as it is. */
export async function optOut(
	store: JourneyStore,
	contact: Contact,
	channels: readonly Channel[],
	purposes: readonly Purpose[],
	source: string,
	externalEventId: string,
	occurredAt: string | undefined,
	message: Message | null,
	payload: Record<string, unknown> = {},
): Promise<EngagementEvent | null> {
	// Consent first: if anything fails after it, a retry finds the event unrecorded and tries again.
	for (const channel of channels) {
		for (const purpose of purposes) {
			const current = await store.getConsent(contact.id, channel, purpose);
			if (current.status !== 'revoked') {
				await store.setConsent({ contactId: contact.id, channel, purpose, status: 'revoked', source, actor: 'system', at: occurredAt });
			}
		}
	}
	const { recorded, event } = await store.recordEvent({
		contactId: contact.id,
		type: 'opt_out',
		messageId: message?.id ?? null,
		visitId: message?.visitId ?? null,
		channel: channels.length === 1 ? channels[0] : null,
		intent: 'stop',
		payload: { ...payload, channels: [...channels], purposes: [...purposes], source },
		externalEventId,
		occurredAt,
	});
	return recorded ? event : null;
}
