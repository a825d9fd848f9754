import type { IHookFunctions, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { journeyStoreConnectionTest, journeyStoreCredential } from '../shared/journey-store';
import { webhookSecretTest } from '../shared/trigger-secrets';
import { TRIGGER_DEFAULT_VERSION, TRIGGER_VERSIONS } from '../shared/trigger-webhooks';
import { eventTriggerWebhooks } from './endpoints';
import { eventSubtitle, eventTriggerProperties } from './properties';
import { receiveEvent } from './receive';

export class JourneyEventTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Journey Event Trigger',
		name: 'journeyEventTrigger',
		icon: { light: 'file:journeyEventTrigger.svg', dark: 'file:journeyEventTrigger.dark.svg' },
		group: ['trigger'],
		version: TRIGGER_VERSIONS,
		defaultVersion: TRIGGER_DEFAULT_VERSION,
		subtitle: `={{(${eventSubtitle})($parameter)}}`,
		description:
			'Records replies (yes / no / STOP), delivery reports, opens, clicks, surveys, payments and attendance in the Journey Store, wakes the journeys waiting for them, and optionally starts this workflow',
		defaults: { name: 'Journey Event Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'journeyWebhookApi', required: false, testedBy: 'webhookSecretTest', displayOptions: { hide: { authentication: ['none'] } } },
			{ name: 'journeyWhatsAppWebhookApi', required: false, testedBy: 'webhookSecretTest' },
			// n8n's own Twilio credential, as the Send node uses it: Twilio signs webhooks with the same auth token.
			// eslint-disable-next-line @n8n/community-nodes/no-credential-reuse, @n8n/community-nodes/valid-credential-references
			{ name: 'twilioApi', required: false },
			{ ...journeyStoreCredential },
		],
		webhooks: eventTriggerWebhooks,
		properties: eventTriggerProperties,
	};

	methods = { credentialTest: { journeyStoreConnectionTest, webhookSecretTest } };

	/** Nothing to register with the senders: Twilio, Meta and the rest are pointed at the URLs by hand. */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveEvent(this);
	}
}
