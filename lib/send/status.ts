/** What happened to an item, as the node reports it in `message.status`. */
export const SEND_STATUSES = [
	'sent',
	'outbox',
	'duplicate suppressed',
	'skipped: opted out',
	'skipped: no consent',
	'skipped: no usable channel',
	'skipped: visit changed',
	'skipped: frequency cap',
	'deferred',
	'failed',
] as const;
export type SendStatus = (typeof SEND_STATUSES)[number];

/** One step of the channel decision, in order: why a channel was skipped, rejected or used. */
export interface TraceStep {
	channel: 'sms' | 'email' | 'whatsapp';
	outcome: 'skipped' | 'chosen' | 'rejected' | 'sent' | 'failed' | 'unknown';
	reason: string;
}
