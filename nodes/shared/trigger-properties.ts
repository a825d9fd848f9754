/** Parameters the Visit Trigger and the Journey Event Trigger share: path, authentication, limits. */
import type { INodeProperties, IWebhookFunctions } from 'n8n-workflow';

import {
	DEFAULT_MAX_BODY_BYTES,
	DEFAULT_SIGNATURE_HEADER,
	DEFAULT_TOKEN_HEADER,
	DEFAULT_TOLERANCE_SECONDS,
	type AuthConfig,
	type AuthScheme,
} from '../../lib/webhooks';
import { nodeOf } from './node-of';

const SCHEME_OPTIONS: Record<AuthScheme, { name: string; description: string }> = {
	hmac: {
		name: 'HMAC Signature (t=…,v1=…)',
		description: 'Stripe-style: HMAC-SHA256 of "timestamp.body" in a header, with a timestamp that must be recent (replay protection)',
	},
	calcom: { name: 'Cal.com Signature', description: "Cal.com's x-cal-signature-256 header (HMAC-SHA256 of the body, keyed with the webhook's secret)" },
	calendly: { name: 'Calendly Signature', description: "Calendly's Calendly-Webhook-Signature header (t=…,v1=…, keyed with the subscription's signing key)" },
	headerToken: { name: 'Header Token', description: 'The secret itself in a header, e.g. X-Journey-Token or Authorization: Bearer …' },
	none: { name: 'None (Not Recommended)', description: 'Anyone who knows the URL can post events' },
};

export function authenticationProperty(schemes: readonly AuthScheme[], defaultScheme: AuthScheme, description: string): INodeProperties {
	return {
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		noDataExpression: true,
		options: schemes.map((value) => ({ value, ...SCHEME_OPTIONS[value] })),
		default: defaultScheme,
		description,
	};
}

export const authHeaderProperties: INodeProperties[] = [
	{
		displayName: 'Signature Header',
		name: 'signatureHeader',
		type: 'string',
		default: DEFAULT_SIGNATURE_HEADER,
		description: 'Header that carries "t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of t.body&gt;"',
		displayOptions: { show: { authentication: ['hmac'] } },
	},
	{
		displayName: 'Header Name',
		name: 'authHeader',
		type: 'string',
		default: DEFAULT_TOKEN_HEADER,
		description: 'Header that carries the secret; with Authorization, "Bearer " before it is allowed',
		displayOptions: { show: { authentication: ['headerToken'] } },
	},
	{
		displayName: 'Without authentication anyone who learns this URL can create, move or cancel visits. Use it only behind a private network.',
		name: 'noAuthNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { authentication: ['none'] } },
	},
];

/** Entries of the node's "Options" collection. */
export const limitOptions: INodeProperties[] = [
	{
		displayName: 'Default Phone Region',
		name: 'defaultRegion',
		type: 'string',
		default: '',
		placeholder: 'PL',
		description: 'Country (ISO code) for phone numbers written without +country code; empty means such numbers are ignored',
	},
	{
		displayName: 'Max Body Size (KB)',
		name: 'maxBodySize',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 16384 },
		default: 256,
		description: 'Larger requests are refused with 400 before anything else is done',
	},
	{
		displayName: 'Timestamp Tolerance (Seconds)',
		name: 'timestampTolerance',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: DEFAULT_TOLERANCE_SECONDS,
		description: 'How old (or how far in the future) a signed timestamp may be; older requests are refused as replays',
	},
];

const hasExpression = (value: unknown): boolean =>
	typeof value === 'string' ? value.startsWith('=') : typeof value === 'object' && value !== null && Object.values(value).some(hasExpression);

/**
 * A trigger parameter, read on every request: the node's stored value (n8n has already filled in
 * the defaults), evaluated through getNodeParameter only when it holds an expression. Evaluating
 * every plain value cost the Visit Trigger about a millisecond per request.
 */
export function triggerParameter<T>(ctx: IWebhookFunctions, name: string, fallback: T): T {
	const raw = nodeOf(ctx).parameters[name];
	if (raw === undefined) return fallback;
	return (hasExpression(raw) ? ctx.getNodeParameter(name, fallback) : raw) as T;
}

export interface LimitSettings {
	defaultRegion?: string;
	maxBodyBytes: number;
	toleranceSeconds: number;
}

export function readLimits(ctx: IWebhookFunctions): LimitSettings {
	const options = triggerParameter<{ defaultRegion?: string; maxBodySize?: number; timestampTolerance?: number }>(ctx, 'options', {});
	const region = options.defaultRegion?.trim().toUpperCase();
	return {
		...(region ? { defaultRegion: region } : {}),
		maxBodyBytes: Math.round((options.maxBodySize ?? DEFAULT_MAX_BODY_BYTES / 1024) * 1024),
		toleranceSeconds: options.timestampTolerance ?? DEFAULT_TOLERANCE_SECONDS,
	};
}

export function readAuthConfig(ctx: IWebhookFunctions, secrets: readonly string[], limits: LimitSettings): AuthConfig {
	const scheme = triggerParameter<AuthScheme>(ctx, 'authentication', 'hmac');
	const headerName =
		scheme === 'hmac' ? triggerParameter(ctx, 'signatureHeader', DEFAULT_SIGNATURE_HEADER) : scheme === 'headerToken' ? triggerParameter(ctx, 'authHeader', DEFAULT_TOKEN_HEADER) : undefined;
	return { scheme, secrets, headerName: headerName?.trim() || undefined, toleranceSeconds: limits.toleranceSeconds };
}
