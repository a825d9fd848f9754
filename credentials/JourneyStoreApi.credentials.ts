import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * Where the Journey Store keeps per-contact state. Optional: without it the nodes use
 * JOURNEY_STORE_URL, else a SQLite file in the n8n user folder. Queue mode needs PostgreSQL.
 */
export class JourneyStoreApi implements ICredentialType {
	name = 'journeyStoreApi';

	displayName = 'Journey Store API';

	icon = 'file:journeyStore.svg' as const;

	documentationUrl = 'https://github.com/customer-journey/n8n-nodes-customer-journey#journey-store';

	properties: INodeProperties[] = [
		{
			displayName: 'Database',
			name: 'type',
			type: 'options',
			options: [
				{ name: 'SQLite (Single n8n Instance)', value: 'sqlite' },
				{ name: 'PostgreSQL (Queue Mode, Several Workers)', value: 'postgres' },
			],
			default: 'sqlite',
			description: 'SQLite needs nothing else; queue mode needs PostgreSQL, shared by the main instance and all workers',
		},
		{
			displayName: 'SQLite File',
			name: 'sqlitePath',
			type: 'string',
			default: '',
			placeholder: '/home/node/.n8n/journey-store.sqlite',
			description: 'Path of the SQLite file; empty means journey-store.sqlite in the n8n user folder',
			displayOptions: { show: { type: ['sqlite'] } },
		},
		{
			displayName: 'Host',
			name: 'host',
			type: 'string',
			default: 'localhost',
			displayOptions: { show: { type: ['postgres'] } },
		},
		{
			displayName: 'Port',
			name: 'port',
			type: 'number',
			default: 5432,
			displayOptions: { show: { type: ['postgres'] } },
		},
		{
			displayName: 'Database',
			name: 'database',
			type: 'string',
			default: 'n8n',
			description: "Any database; n8n's own works, the store's tables are prefixed cj_",
			displayOptions: { show: { type: ['postgres'] } },
		},
		{
			displayName: 'User',
			name: 'user',
			type: 'string',
			default: 'postgres',
			displayOptions: { show: { type: ['postgres'] } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { type: ['postgres'] } },
		},
		{
			displayName: 'SSL',
			name: 'ssl',
			type: 'options',
			options: [
				{ name: 'Allow', value: 'allow' },
				{ name: 'Disable', value: 'disable' },
				{ name: 'Require', value: 'require' },
			],
			default: 'disable',
			displayOptions: { show: { type: ['postgres'] } },
		},
		{
			displayName: 'Ignore SSL Issues (Insecure)',
			name: 'ignoreSslIssues',
			type: 'boolean',
			default: false,
			description: 'Whether to connect even if the server certificate cannot be verified',
			displayOptions: { show: { type: ['postgres'], ssl: ['allow', 'require'] } },
		},
	];
}
