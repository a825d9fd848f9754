import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * What the Journey Event Trigger needs to accept WhatsApp Cloud API webhooks: the Meta app secret
 * (X-Hub-Signature-256) and the verify token typed into Meta's webhook settings.
 */
export class JourneyWhatsAppWebhookApi implements ICredentialType {
	name = 'journeyWhatsAppWebhookApi';

	displayName = 'Journey WhatsApp Webhook API';

	icon = 'file:journeyWebhook.svg' as const;

	documentationUrl = 'https://github.com/customer-journey/n8n-nodes-customer-journey/blob/main/nodes/JourneyEventTrigger/README.md#whatsapp';

	properties: INodeProperties[] = [
		{
			displayName: 'App Secret',
			name: 'appSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: "The Meta app's secret (App settings → Basic): Meta signs every webhook with it",
		},
		{
			displayName: 'Verify Token',
			name: 'verifyToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Any random text; type the same into "Verify token" when you set the callback URL in Meta\'s WhatsApp settings',
		},
	];
}
