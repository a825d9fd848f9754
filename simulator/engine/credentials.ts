/**
 * Credentials injected by a test, keyed by credential type name (e.g. `smtp`, `twilioApi`,
 * `journeyStoreApi`). n8n decrypts credentials from its database; the harness hands them over as is.
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentialsHelper,
	IHttpRequestOptions,
	INodeCredentialsDetails,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';

import type { HarnessNodeTypes } from './node-types';

export type InjectedCredentials = Record<string, ICredentialDataDecryptedObject>;

export function createCredentialsHelper(
	credentials: InjectedCredentials,
	nodeTypes: HarnessNodeTypes,
): ICredentialsHelper {
	const helper = {
		getParentTypes: () => [],
		getCredentialsProperties: () => [],
		async getDecrypted(
			_additionalData: IWorkflowExecuteAdditionalData,
			_details: INodeCredentialsDetails,
			type: string,
		) {
			const data = credentials[type];
			if (!data) throw new Error(`Harness: the test injected no credentials of type "${type}"`);
			return data;
		},
		async authenticate(data: ICredentialDataDecryptedObject, type: string, request: IHttpRequestOptions) {
			const credentialType = nodeTypes.getCredentialType(type);
			if (typeof credentialType?.authenticate === 'function') {
				return await credentialType.authenticate(data, request);
			}
			if (credentialType?.authenticate) {
				throw new Error(
					`Harness: generic authentication of "${type}" is not implemented; pass auth explicitly`,
				);
			}
			return request;
		},
		async preAuthentication() {
			return undefined;
		},
		async runPreAuthentication() {
			return undefined;
		},
		async updateCredentials() {},
		async updateCredentialsOauthTokenData() {},
		getCredentials() {
			throw new Error('Harness: getCredentials is not supported');
		},
		isCredentialUsableByNode: () => true,
	};
	return helper as unknown as ICredentialsHelper;
}
