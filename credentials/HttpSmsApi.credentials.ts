import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * Any SMS gateway with an HTTP API: where to send, how to authenticate and the JSON body. The
 * template's strings may hold {{to}}, {{text}}, {{from}} and {{key}}; they are filled after
 * parsing, so any text stays valid JSON. The local SMS sink (scripts/sinks/sms-sink.mjs) takes the default.
 */
export class HttpSmsApi implements ICredentialType {
	name = 'httpSmsApi';

	displayName = 'HTTP SMS Gateway API';

	icon = 'file:httpSms.svg' as const;

	documentationUrl = 'https://github.com/customer-journey/n8n-nodes-customer-journey#sms-providers';

	properties: INodeProperties[] = [
		{
			displayName: 'URL',
			name: 'url',
			type: 'string',
			default: 'http://127.0.0.1:8026/sms',
			required: true,
			description: "The gateway's send endpoint",
		},
		{
			displayName: 'Method',
			name: 'method',
			type: 'options',
			options: [
				{ name: 'POST', value: 'POST' },
				{ name: 'PUT', value: 'PUT' },
			],
			default: 'POST',
		},
		{
			displayName: 'Auth Header Name',
			name: 'headerName',
			type: 'string',
			default: '',
			placeholder: 'Authorization',
			description: 'Header that carries the key; empty sends none',
		},
		{
			displayName: 'Auth Header Value',
			name: 'headerSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			placeholder: 'Bearer …',
		},
		{
			displayName: 'Body Template (JSON)',
			name: 'bodyTemplate',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '{"to": "{{to}}", "text": "{{text}}", "from": "{{from}}"}',
			description: 'JSON body; {{to}} (E.164), {{text}}, {{from}} and {{key}} (idempotency key) are replaced inside its strings',
		},
		{
			displayName: 'Message ID Path',
			name: 'idPath',
			type: 'string',
			default: 'id',
			placeholder: 'messages.0.id',
			description: "Where the message ID is in the gateway's JSON answer (dotted path)",
		},
	];
}
