/** Secrets of the webhook credentials: read only when needed, never logged or output. */
import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult, IWebhookFunctions } from 'n8n-workflow';

import { checkWithSecrets, SecretCache, secretCacheTtlMs, secretList, type SecretRead } from '../../lib/webhooks';
import { nodeOf } from './node-of';

export const WEBHOOK_SECRET_CREDENTIAL = 'journeyWebhookApi';
const WEBHOOK_SECRET_FIELDS = ['secret', 'previousSecrets'] as const;

let cache: SecretCache | undefined;
const secretCache = () => (cache ??= new SecretCache(secretCacheTtlMs(process.env)));

/** No secrets ([]) when the node has no such credential selected: the caller answers 401 "not_configured". */
async function readSecrets(ctx: IWebhookFunctions, type: string, fields: readonly string[], fresh: boolean): Promise<SecretRead> {
	const selected = nodeOf(ctx).credentials?.[type];
	if (!selected) return { secrets: [], cached: false };
	const key = selected.id ? `${type}:${selected.id}:${fields.join(',')}` : null;
	return await secretCache().read(
		key,
		async () => {
			try {
				const data = await ctx.getCredentials(type);
				return secretList(...fields.map((field) => data[field]));
			} catch {
				return [];
			}
		},
		{ fresh },
	);
}

/**
 * Checks a request with the credential's secrets (cached for a few seconds, see
 * lib/webhooks/signatures/secret-cache.ts); a 401 with cached secrets is checked again with fresh ones.
 */
export async function withSecrets<T extends { kind: string }>(
	ctx: IWebhookFunctions,
	type: string,
	fields: readonly string[],
	check: (secrets: string[]) => T,
): Promise<T> {
	return await checkWithSecrets((fresh) => readSecrets(ctx, type, fields, fresh), check, isUnauthorized);
}

/** withSecrets for the Journey Webhook credential, which authentication "none" does not read. */
export async function withWebhookSecrets<T extends { kind: string }>(ctx: IWebhookFunctions, scheme: string, check: (secrets: string[]) => T): Promise<T> {
	return scheme === 'none' ? check([]) : await withSecrets(ctx, WEBHOOK_SECRET_CREDENTIAL, WEBHOOK_SECRET_FIELDS, check);
}

/** A fresh read, for the rare requests not worth caching for (WhatsApp's setup handshake). */
export async function credentialSecrets(ctx: IWebhookFunctions, type: string, fields: readonly string[]): Promise<string[]> {
	return (await readSecrets(ctx, type, fields, true)).secrets;
}

function isUnauthorized(result: { kind: string }): boolean {
	return result.kind === 'rejected' && (result as { rejection?: { status?: number } }).rejection?.status === 401;
}

const MIN_SECRET_LENGTH = 16;

/**
 * The credential test for webhook secrets: nothing to connect to, so it checks what can be checked,
 * that every secret is long enough to resist guessing. The message never contains a secret.
 */
export async function webhookSecretTest(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const secrets = secretList(data.secret, data.previousSecrets, data.appSecret, data.verifyToken);
	if (!secrets.length) return { status: 'Error', message: 'No secret is set' };
	const short = secrets.filter((secret) => secret.length < MIN_SECRET_LENGTH).length;
	if (short) return { status: 'Error', message: `${short} secret(s) shorter than ${MIN_SECRET_LENGTH} characters: use long random secrets` };
	return { status: 'OK', message: `${secrets.length} secret(s) set` };
}
