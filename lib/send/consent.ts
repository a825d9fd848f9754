/**
 * Consent per channel and purpose, as a channel blocker. Defaults:
 * - revoked → blocked, whatever the purpose;
 * - granted → allowed;
 * - unknown (nothing recorded) → allowed for service messages (reminders, confirmations: the
 *   booking itself is the basis), NOT allowed for marketing unless the workflow states that
 *   consent is collected elsewhere (e.g. the booking system only exports consenting contacts).
 */
import type { ConsentState, Purpose } from '../store';

export function consentBlocker(status: ConsentState['status'], purpose: Purpose, consentCollectedElsewhere: boolean): string | undefined {
	if (status === 'revoked') return `opted out of ${purpose} messages`;
	if (status === 'unknown' && purpose === 'marketing' && !consentCollectedElsewhere) return NO_CONSENT;
	return undefined;
}

const NO_CONSENT = 'no recorded marketing consent';

/** Blockers that mean "no consent" rather than "we cannot reach them". */
export function isConsentReason(reason: string): boolean {
	return reason.startsWith('opted out') || reason === NO_CONSENT;
}

/** Blockers that mean the person said no (as opposed to never having said yes). */
export function isOptOutReason(reason: string): boolean {
	return reason.startsWith('opted out');
}

export const WHATSAPP_WINDOW_HOURS = 24;

/** Free-form WhatsApp text is allowed only within 24 hours of the contact's last inbound message. */
export function whatsAppWindowOpen(lastInboundAt: string | null, now: number, hours = WHATSAPP_WINDOW_HOURS): boolean {
	if (!lastInboundAt) return false;
	const at = Date.parse(lastInboundAt);
	return !Number.isNaN(at) && now - at < hours * 3_600_000 && at <= now + 60_000;
}
