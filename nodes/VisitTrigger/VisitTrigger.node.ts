import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { journeyStoreConnectionTest, journeyStoreCredential } from '../shared/journey-store';
import { webhookSecretTest } from '../shared/trigger-secrets';
import { pathField, TRIGGER_DEFAULT_VERSION, TRIGGER_VERSIONS } from '../shared/trigger-webhooks';
import { receiveVisitEvent } from './receive';
import { visitSubtitle, visitTriggerProperties } from './properties';

export class VisitTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Visit Trigger',
		name: 'visitTrigger',
		icon: { light: 'file:visitTrigger.svg', dark: 'file:visitTrigger.dark.svg' },
		group: ['trigger'],
		version: TRIGGER_VERSIONS,
		defaultVersion: TRIGGER_DEFAULT_VERSION,
		subtitle: `={{(${visitSubtitle})($parameter)}}`,
		description: 'Starts a journey when a booking system reports a visit: scheduled, rescheduled, cancelled, attended, no-show or completed',
		defaults: { name: 'Visit Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'journeyWebhookApi', required: true, testedBy: 'webhookSecretTest', displayOptions: { hide: { authentication: ['none'] } } },
			{ ...journeyStoreCredential },
		],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', ...pathField() }],
		properties: visitTriggerProperties,
	};

	methods = { credentialTest: { journeyStoreConnectionTest, webhookSecretTest } };

	/** Nothing to register with the sender: the booking system is pointed at the URL by hand. */
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
		return await receiveVisitEvent(this);
	}
}
