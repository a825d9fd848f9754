import type { IAuthenticateGeneric, ICredentialTestRequest, ICredentialType, INodeProperties } from 'n8n-workflow';

/** SMSAPI (smsapi.pl / smsapi.com): an OAuth token from the customer panel, sent as a bearer token. */
export class SmsapiApi implements ICredentialType {
	name = 'smsapiApi';

	displayName = 'SMSAPI API';

	icon = 'file:smsapi.svg' as const;

	documentationUrl = 'https://www.smsapi.pl/docs';

	properties: INodeProperties[] = [
		{
			displayName: 'Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'API token generated in the SMSAPI customer panel (needs the SMS scope)',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.smsapi.pl',
			description: 'https://api.smsapi.pl for SMSAPI.pl, https://api.smsapi.com for the international service',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.token}}' } },
	};

	test: ICredentialTestRequest = {
		request: { baseURL: '={{$credentials.baseUrl}}', url: '/profile', method: 'GET' },
	};
}
