/**
 * The Journey Store as the nodes see it: the optional Journey Store credential, else the
 * environment (JOURNEY_STORE_URL), else SQLite in the n8n user folder (lib/store decides).
 * Stores are cached per process and configuration; nothing here holds per-contact state.
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INodeCredentialDescription,
	INodeCredentialTestResult,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getStore, resolveStoreConfig, type JourneyStore, type StoreCredential } from '../../lib/store';
import { nodeOf } from './node-of';

type StoreContext = IExecuteFunctions | IWebhookFunctions | ILoadOptionsFunctions | IPollFunctions;

export const JOURNEY_STORE_CREDENTIAL = 'journeyStoreApi';

/** Every node that touches the store offers the same optional credential and connection test. */
export const journeyStoreCredential: INodeCredentialDescription = {
	name: JOURNEY_STORE_CREDENTIAL,
	required: false,
	testedBy: 'journeyStoreConnectionTest',
};

function toStoreCredential(data: ICredentialDataDecryptedObject): StoreCredential {
	const { ignoreSslIssues, ...fields } = data;
	return { ...(fields as StoreCredential), allowUnauthorizedCerts: ignoreSslIssues === true };
}

export async function openJourneyStore(ctx: StoreContext): Promise<JourneyStore> {
	const selected = nodeOf(ctx).credentials?.[JOURNEY_STORE_CREDENTIAL];
	const credential = selected ? toStoreCredential(await ctx.getCredentials(JOURNEY_STORE_CREDENTIAL)) : null;
	try {
		return await getStore(resolveStoreConfig({ credential, env: process.env }));
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), (error as Error).message, {
			description: 'See "Journey Store" in the package README for the options.',
		});
	}
}

export async function journeyStoreConnectionTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	try {
		const store = await getStore(
			resolveStoreConfig({ credential: toStoreCredential(credential.data ?? {}), env: process.env }),
		);
		const version = await store.schemaVersion();
		return { status: 'OK', message: `Connected (${store.backend}, schema version ${version})` };
	} catch (error) {
		return { status: 'Error', message: (error as Error).message };
	}
}
