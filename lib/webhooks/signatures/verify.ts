/** One entry point for the schemes a trigger can be set to check. */
import { header, type InboundRequest } from '../http';
import { verifyBodyHmac } from './body-hmac';
import { failed, verified, type VerifyResult } from './result';
import { DEFAULT_TOLERANCE_SECONDS, verifyTimestampedHmac } from './timestamped-hmac';
import { verifyHeaderToken } from './token';

export const AUTH_SCHEMES = ['hmac', 'calcom', 'calendly', 'headerToken', 'none'] as const;
export type AuthScheme = (typeof AUTH_SCHEMES)[number];

export const DEFAULT_SIGNATURE_HEADER = 'X-Journey-Signature';
export const DEFAULT_TOKEN_HEADER = 'X-Journey-Token';
export const CAL_SIGNATURE_HEADER = 'x-cal-signature-256';
export const CALENDLY_SIGNATURE_HEADER = 'calendly-webhook-signature';

export interface AuthConfig {
	scheme: AuthScheme;
	/** Current secret first; older ones stay valid while senders rotate. */
	secrets: readonly string[];
	/** Header with the signature ('hmac') or token ('headerToken'). */
	headerName?: string;
	toleranceSeconds?: number;
}

export function verifyRequest(auth: AuthConfig, request: InboundRequest, nowMs: number): VerifyResult {
	const tolerance = auth.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
	switch (auth.scheme) {
		case 'none':
			return verified;
		case 'hmac':
			return verifyTimestampedHmac({
				header: header(request, auth.headerName || DEFAULT_SIGNATURE_HEADER),
				rawBody: request.rawBody,
				secrets: auth.secrets,
				toleranceSeconds: tolerance,
				nowMs,
			});
		case 'calendly':
			return verifyTimestampedHmac({
				header: header(request, CALENDLY_SIGNATURE_HEADER),
				rawBody: request.rawBody,
				secrets: auth.secrets,
				toleranceSeconds: tolerance,
				nowMs,
			});
		case 'calcom':
			return verifyBodyHmac({ header: header(request, CAL_SIGNATURE_HEADER), rawBody: request.rawBody, secrets: auth.secrets });
		case 'headerToken':
			return verifyHeaderToken(header(request, auth.headerName || DEFAULT_TOKEN_HEADER), auth.secrets);
		default:
			return failed('not_configured');
	}
}
