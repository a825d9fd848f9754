/** Secrets of the webhook credentials: read only when needed, never logged or output. */
import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult, IWebhookFunctions } from 'n8n-workflow';

import { secretList } from '../../lib/webhooks';

export const WEBHOOK_SECRET_CREDENTIAL = 'journeyWebhookApi';

/** [] when the node has no such credential selected: the caller answers 401 "not_configured". */
export async function credentialSecrets(ctx: IWebhookFunctions, type: string, fields: readonly string[]): Promise<string[]> {
	if (!ctx.getNode().credentials?.[type]) return [];
	try {
		const data = await ctx.getCredentials(type);
		return secretList(...fields.map((field) => data[field]));
	} catch {
		return [];
	}
}

export const webhookSecrets = (ctx: IWebhookFunctions) => credentialSecrets(ctx, WEBHOOK_SECRET_CREDENTIAL, ['secret', 'previousSecrets']);

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
