import { normalizePhone } from '../../channel';

const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * A sender's number as Twilio or Meta report it: already E.164, and authoritative, so a number
 * newer than the phone metadata (which would call it invalid) is still taken as it is.
 */
export function providerPhone(raw: string): string | null {
	const result = normalizePhone(raw);
	if ('e164' in result) return result.e164;
	const compact = raw.replace(/[\s()-]/g, '');
	return E164.test(compact) ? compact : null;
}
