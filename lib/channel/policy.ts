import { DomainInputError } from '../time/domain-input-error';
import { normalizeEmail } from './email';
import { checkRegion, normalizePhone } from './phone';

export type Channel = 'sms' | 'email' | 'whatsapp';
export type ChannelPolicy = 'smsOnly' | 'emailOnly' | 'preferSms' | 'preferEmail' | 'ordered';

export interface ChannelInput {
	policy: ChannelPolicy;
	/** For 'ordered': channels to try, first first, e.g. ['whatsapp', 'sms', 'email']. */
	order?: readonly Channel[];
	contact: { phone?: string | null; email?: string | null };
	/** Region for phone numbers written without +country, e.g. 'PL'. */
	defaultRegion?: string;
	/** Caller-known reasons a channel cannot be used now, e.g. { sms: 'opted out' }. */
	blockers?: Partial<Record<Channel, string | null | undefined>>;
}

export interface ChannelStep {
	channel: Channel;
	ok: boolean;
	reason: string;
}

export interface ChannelDecision {
	channel: Channel | null;
	/** Where to send: E.164 for sms/whatsapp, the normalised address for email. */
	address: string | null;
	candidates: Channel[];
	/** One step per candidate, in order, saying why it was chosen, not needed or skipped. */
	trace: ChannelStep[];
}

const CHANNELS: readonly Channel[] = ['sms', 'email', 'whatsapp'];
const FIXED_ORDERS: Record<Exclude<ChannelPolicy, 'ordered'>, Channel[]> = {
	smsOnly: ['sms'],
	emailOnly: ['email'],
	preferSms: ['sms', 'email'],
	preferEmail: ['email', 'sms'],
};

/** Picks the first usable channel for a contact under a policy, with a trace of every candidate. */
export function chooseChannel(input: ChannelInput): ChannelDecision {
	const candidates = candidatesFor(input.policy, input.order);
	const region = checkRegion(input.defaultRegion);
	const blockers = checkBlockers(input.blockers);
	const contact = input.contact ?? {};
	let chosen: { channel: Channel; address: string } | undefined;
	const trace = candidates.map((channel): ChannelStep => {
		const blocker = blockers[channel];
		if (blocker) return { channel, ok: false, reason: `blocked: ${blocker}` };
		const target = addressFor(channel, contact, region);
		if ('error' in target) return { channel, ok: false, reason: target.error };
		if (chosen) return { channel, ok: true, reason: `usable (${target.address}), but ${chosen.channel} comes first` };
		chosen = { channel, address: target.address };
		return { channel, ok: true, reason: `chosen: ${target.label}` };
	});
	return { channel: chosen?.channel ?? null, address: chosen?.address ?? null, candidates, trace };
}

const NOT_FOR_TEXTS = new Set(['FIXED_LINE', 'TOLL_FREE', 'PREMIUM_RATE', 'SHARED_COST', 'VOICEMAIL', 'PAGER']);

function candidatesFor(policy: ChannelPolicy, order: readonly Channel[] | undefined): Channel[] {
	if (policy !== 'ordered') {
		const fixed = FIXED_ORDERS[policy as Exclude<ChannelPolicy, 'ordered'>];
		if (!fixed) {
			throw new DomainInputError('policy', `expected one of smsOnly, emailOnly, preferSms, preferEmail, ordered, got ${JSON.stringify(policy)}`);
		}
		return [...fixed];
	}
	if (!Array.isArray(order) || order.length === 0) {
		throw new DomainInputError('order', "the 'ordered' policy needs a list of channels, e.g. ['whatsapp', 'sms', 'email']");
	}
	for (const channel of order) {
		if (!CHANNELS.includes(channel)) {
			throw new DomainInputError('order', `unknown channel ${JSON.stringify(channel)} (expected ${CHANNELS.join(', ')})`);
		}
	}
	if (new Set(order).size !== order.length) throw new DomainInputError('order', `lists a channel twice: ${order.join(', ')}`);
	return [...order];
}

function checkBlockers(blockers: ChannelInput['blockers']): Partial<Record<Channel, string>> {
	const checked: Partial<Record<Channel, string>> = {};
	for (const [channel, reason] of Object.entries(blockers ?? {})) {
		if (!CHANNELS.includes(channel as Channel)) {
			throw new DomainInputError('blockers', `unknown channel ${JSON.stringify(channel)} (expected ${CHANNELS.join(', ')})`);
		}
		if (typeof reason === 'string' && reason.trim() !== '') checked[channel as Channel] = reason.trim();
	}
	return checked;
}

function addressFor(
	channel: Channel,
	contact: ChannelInput['contact'],
	region: string | undefined,
): { address: string; label: string } | { error: string } {
	if (channel === 'email') {
		const email = normalizeEmail(contact.email);
		return 'email' in email ? { address: email.email, label: `valid email ${email.email}` } : { error: `email: ${email.error}` };
	}
	const phone = normalizePhone(contact.phone, region);
	if (!('e164' in phone)) return { error: `phone: ${phone.error}` };
	// A number that surely cannot take texts (a landline, a toll-free line …) is no SMS/WhatsApp address.
	if (phone.type && NOT_FOR_TEXTS.has(phone.type)) return { error: `phone: ${phone.e164} is a ${phone.type.toLowerCase().replace(/_/g, ' ')} number` };
	return { address: phone.e164, label: `valid phone ${phone.e164}` };
}
