/** Which channel, which provider, for what purpose. */
import type { INodeProperties } from 'n8n-workflow';

const channelOptions = [
	{ name: 'Email', value: 'email' },
	{ name: 'SMS', value: 'sms' },
	{ name: 'WhatsApp', value: 'whatsapp' },
];

export const channelProperties: INodeProperties[] = [
	{
		displayName: 'Purpose',
		name: 'purpose',
		type: 'options',
		options: [
			{
				name: 'Service',
				value: 'service',
				description: 'Reminders, confirmations, surveys about a visit: sent unless the contact opted out',
			},
			{
				name: 'Marketing',
				value: 'marketing',
				description: 'Offers, recalls, loyalty: needs recorded consent and obeys the frequency cap',
			},
		],
		default: 'service',
		description: 'Decides which consent applies and whether the frequency cap counts the message',
	},
	{
		displayName: 'Channel Policy',
		name: 'channelPolicy',
		type: 'options',
		options: [
			{ name: 'Email Only', value: 'emailOnly' },
			{ name: 'Ordered List', value: 'ordered', description: 'Try channels in your order, e.g. WhatsApp → SMS → email' },
			{ name: 'Prefer Email', value: 'preferEmail', description: 'Email if the address is valid and allowed, else SMS' },
			{ name: 'Prefer SMS', value: 'preferSms', description: 'SMS if the phone is valid and allowed, else email' },
			{ name: 'SMS Only', value: 'smsOnly' },
		],
		default: 'preferSms',
		description:
			'Which channel to use; the next one is tried when the contact has no valid address, opted out, is outside the WhatsApp window, or the provider rejects the recipient',
	},
	{
		displayName: 'Channels in Order',
		name: 'channelOrder',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Channel',
		default: { channels: [{ channel: 'whatsapp' }, { channel: 'sms' }, { channel: 'email' }] },
		displayOptions: { show: { channelPolicy: ['ordered'] } },
		description: 'Channels to try, first first; drag to reorder',
		options: [
			{
				displayName: 'Channel',
				name: 'channels',
				values: [{ displayName: 'Channel', name: 'channel', type: 'options', options: channelOptions, default: 'sms' }],
			},
		],
	},
	{
		displayName: 'SMS Provider',
		name: 'smsProvider',
		type: 'options',
		options: [
			{ name: 'Generic HTTP Gateway', value: 'http', description: 'Any HTTP API, e.g. the local SMS sink' },
			{ name: 'Outbox (Do Not Send)', value: 'outbox', description: 'Record the message in the Journey Store and the output only' },
			{ name: 'SMSAPI', value: 'smsapi' },
			{ name: 'Twilio', value: 'twilio' },
		],
		default: 'outbox',
		displayOptions: { hide: { channelPolicy: ['emailOnly'] } },
		description: 'Who delivers SMS; Outbox sends nothing, so a new workflow runs safely without accounts',
	},
	{
		displayName: 'Email Provider',
		name: 'emailProvider',
		type: 'options',
		options: [
			{ name: 'Outbox (Do Not Send)', value: 'outbox', description: 'Record the message in the Journey Store and the output only' },
			{ name: 'SMTP', value: 'smtp', description: "Uses n8n's SMTP credential" },
		],
		default: 'outbox',
		displayOptions: { hide: { channelPolicy: ['smsOnly'] } },
		description: 'Who delivers email; Outbox sends nothing, so a new workflow runs safely without accounts',
	},
	{
		displayName: 'WhatsApp Provider',
		name: 'whatsAppProvider',
		type: 'options',
		options: [
			{ name: 'Outbox (Do Not Send)', value: 'outbox', description: 'Record the message in the Journey Store and the output only' },
			{ name: 'WhatsApp Cloud API', value: 'whatsAppCloud' },
		],
		default: 'outbox',
		displayOptions: { show: { channelPolicy: ['ordered'] } },
		description: 'Who delivers WhatsApp messages',
	},
	{
		displayName: 'Email From',
		name: 'emailFrom',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'Smile Dental <hello@smile-dental.example>',
		displayOptions: { show: { emailProvider: ['smtp'] } },
		description: 'Sender address of the email (the SMTP account must be allowed to send as it)',
	},
	{
		displayName: 'SMS From',
		name: 'smsFrom',
		type: 'string',
		default: '',
		placeholder: '+48600000000 or SMILEDENT',
		displayOptions: { show: { smsProvider: ['twilio', 'smsapi', 'http'] } },
		description: 'Sender number or name; for Twilio a number in E.164 or a Messaging Service SID (MG…), required there',
	},
];
