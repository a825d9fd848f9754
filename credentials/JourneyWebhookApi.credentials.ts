import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * The shared secret a booking system (or any sender) uses to sign or authenticate its webhooks to
 * the Visit Trigger and the Journey Event Trigger. Older secrets stay valid during rotation.
 */
export class JourneyWebhookApi implements ICredentialType {
	name = 'journeyWebhookApi';

	displayName = 'Journey Webhook Secret API';

	icon = 'file:journeyWebhook.svg' as const;

	documentationUrl = 'https://github.com/customer-journey/n8n-nodes-customer-journey/blob/main/nodes/VisitTrigger/README.md#authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				"The signing secret (HMAC, Cal.com's or Calendly's signing key) or the token the sender puts in the header. Use at least 32 random characters.",
		},
		{
			displayName: 'Previous Secrets',
			name: 'previousSecrets',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Older secrets still accepted while senders switch to the new one, separated by commas; empty once rotation is done',
		},
	];
}
