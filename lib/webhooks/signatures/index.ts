export { bodyHmacHex, verifyBodyHmac } from './body-hmac';
export { failed, verified, type VerifyResult } from './result';
export { matchesAny, safeEqual } from './safe-equal';
export { checkWithSecrets, SecretCache, secretCacheTtlMs, type SecretLoader, type SecretRead } from './secret-cache';
export { secretList } from './secrets';
export {
	DEFAULT_TOLERANCE_SECONDS,
	parseTimestampedHeader,
	signTimestamped,
	timestampedHeader,
	verifyTimestampedHmac,
} from './timestamped-hmac';
export { verifyHeaderToken } from './token';
export { twilioSignature, verifyTwilioSignature } from './twilio';
export {
	AUTH_SCHEMES,
	CALENDLY_SIGNATURE_HEADER,
	CAL_SIGNATURE_HEADER,
	DEFAULT_SIGNATURE_HEADER,
	DEFAULT_TOKEN_HEADER,
	verifyRequest,
	type AuthConfig,
	type AuthScheme,
} from './verify';
