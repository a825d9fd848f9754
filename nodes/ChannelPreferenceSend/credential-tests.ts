/**
 * "Test" for the HTTP SMS Gateway credential without sending an SMS: the body template must be
 * valid JSON and the URL must answer (any HTTP status counts: the send endpoint may refuse GET).
 */
import type { ICredentialTestFunctions, ICredentialsDecrypted, INodeCredentialTestResult } from 'n8n-workflow';

import { createAxiosTransport, httpSmsSender, type HttpSmsCredentials } from '../../lib/providers';

export async function httpSmsConnectionTest(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	const data = (credential.data ?? {}) as unknown as HttpSmsCredentials;
	try {
		httpSmsSender(async () => ({ status: 200, headers: {}, body: {} }), data);
		const response = await createAxiosTransport()({ method: 'GET', url: data.url, timeoutMs: 10_000 });
		return { status: 'OK', message: `The gateway answered (HTTP ${response.status}); the body template is valid JSON` };
	} catch (error) {
		return { status: 'Error', message: (error as Error).message };
	}
}
