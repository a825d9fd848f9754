import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { contactProperties } from '../shared/contact-properties';
import { journeyStoreConnectionTest, journeyStoreCredential } from '../shared/journey-store';
import { channelProperties } from './description/channels';
import { contentProperties } from './description/content';
import { deliveryProperties } from './description/delivery';
import { quietHoursProperties } from './description/quiet-hours';
import { executeSend } from './execute';
import { httpSmsConnectionTest } from './credential-tests';

export class ChannelPreferenceSend implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Channel Preference Send',
		name: 'channelPreferenceSend',
		icon: { light: 'file:channelPreferenceSend.svg', dark: 'file:channelPreferenceSend.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle:
			'={{ {"smsOnly": "SMS only", "emailOnly": "Email only", "preferSms": "SMS, else email", "preferEmail": "Email, else SMS", "ordered": "Channels in order"}[$parameter["channelPolicy"]] + " · " + ($parameter["messageSource"] === "custom" ? "custom text" : $parameter["template"]) }}',
		description:
			'Send a reminder, survey or offer by SMS, email or WhatsApp, following the contact\'s channel preference, consent and quiet hours, exactly once',
		defaults: { name: 'Channel Preference Send' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Done', 'Deferred'],
		credentials: [
			{ ...journeyStoreCredential },
			// n8n's own SMTP and Twilio credentials are reused on purpose, so users keep the accounts
			// they already set up for the stock Send Email and Twilio nodes (self-hosted package).
			// eslint-disable-next-line n8n-nodes-base/node-class-description-credentials-name-unsuffixed, @n8n/community-nodes/no-credential-reuse, @n8n/community-nodes/valid-credential-references
			{ name: 'smtp', required: true, displayOptions: { show: { emailProvider: ['smtp'] } } },
			// eslint-disable-next-line @n8n/community-nodes/no-credential-reuse, @n8n/community-nodes/valid-credential-references
			{ name: 'twilioApi', required: true, displayOptions: { show: { smsProvider: ['twilio'] } } },
			{ name: 'smsapiApi', required: true, displayOptions: { show: { smsProvider: ['smsapi'] } } },
			{ name: 'httpSmsApi', required: true, testedBy: 'httpSmsConnectionTest', displayOptions: { show: { smsProvider: ['http'] } } },
			{ name: 'whatsAppCloudApi', required: true, displayOptions: { show: { whatsAppProvider: ['whatsAppCloud'] } } },
		],
		properties: [...channelProperties, ...contactProperties, ...contentProperties, ...deliveryProperties, ...quietHoursProperties],
	};

	methods = {
		credentialTest: { journeyStoreConnectionTest, httpSmsConnectionTest },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeSend(this);
	}
}
