/**
 * The providers of one execution, built once from their credentials. Each comes with a key for
 * its rate limiter: provider + a one-way fingerprint of the credential (never the secret itself).
 */
import type { ICredentialDataDecryptedObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	ProviderError,
	fingerprint,
	httpSmsSender,
	outboxSender,
	smsapiSender,
	smtpSender,
	twilioSender,
	whatsAppCloudSender,
	type EmailMessage,
	type HttpSmsCredentials,
	type MessageSender,
	type SmsMessage,
	type SmsapiCredentials,
	type SmtpCredentials,
	type TwilioCredentials,
	type WhatsAppCloudCredentials,
	type WhatsAppMessage,
} from '../../lib/providers';
import type { EmailProviderName, SendParams, SmsProviderName, WhatsAppProviderName } from './params';
import { fieldError } from './errors';
import { n8nTransport } from './transport';

export interface LimitedSender<M> {
	sender: MessageSender<M>;
	limiterKey: string;
}

const CREDENTIAL_OF: Record<string, string> = {
	twilio: 'twilioApi',
	smsapi: 'smsapiApi',
	http: 'httpSmsApi',
	smtp: 'smtp',
	whatsAppCloud: 'whatsAppCloudApi',
};

export class Senders {
	private readonly cache = new Map<string, LimitedSender<unknown>>();

	private readonly credentials = new Map<string, ICredentialDataDecryptedObject>();

	constructor(private readonly ctx: IExecuteFunctions) {}

	async sms(name: SmsProviderName, params: SendParams): Promise<LimitedSender<SmsMessage>> {
		if (name === 'twilio' && !params.smsFrom) throw fieldError('SMS From', 'is empty: Twilio needs a sender number or Messaging Service SID');
		return await this.get(`sms:${name}:${params.smsFrom}:${params.options.twilioBaseUrl}`, name, (credential) => {
			const transport = n8nTransport(this.ctx);
			if (name === 'twilio') {
				return twilioSender(transport, credential as unknown as TwilioCredentials, { from: params.smsFrom, baseUrl: params.options.twilioBaseUrl || undefined });
			}
			if (name === 'smsapi') return smsapiSender(transport, credential as unknown as SmsapiCredentials, { from: params.smsFrom || undefined });
			return httpSmsSender(transport, credential as unknown as HttpSmsCredentials, { from: params.smsFrom || undefined });
		});
	}

	async email(name: EmailProviderName): Promise<LimitedSender<EmailMessage>> {
		return await this.get(`email:${name}`, name, (credential) => smtpSender(credential as unknown as SmtpCredentials));
	}

	async whatsapp(name: WhatsAppProviderName): Promise<LimitedSender<WhatsAppMessage>> {
		return await this.get(`whatsapp:${name}`, name, (credential) => whatsAppCloudSender(n8nTransport(this.ctx), credential as unknown as WhatsAppCloudCredentials));
	}

	private async get<M>(key: string, name: string, build: (credential: ICredentialDataDecryptedObject) => MessageSender<M>): Promise<LimitedSender<M>> {
		const cached = this.cache.get(key);
		if (cached) return cached as LimitedSender<M>;
		let built: LimitedSender<M>;
		if (name === 'outbox') built = { sender: outboxSender<M>(), limiterKey: 'outbox' };
		else {
			const type = CREDENTIAL_OF[name];
			const credential = await this.credential(type);
			try {
				built = { sender: build(credential), limiterKey: `${name}:${fingerprint(type, credential)}` };
			} catch (error) {
				const message = error instanceof ProviderError ? error.message : String((error as Error)?.message ?? error);
				throw new NodeOperationError(this.ctx.getNode(), message, { description: `Check the ${type} credential.` });
			}
		}
		this.cache.set(key, built as LimitedSender<unknown>);
		return built;
	}

	private async credential(type: string): Promise<ICredentialDataDecryptedObject> {
		const cached = this.credentials.get(type);
		if (cached) return cached;
		const credential = await this.ctx.getCredentials<ICredentialDataDecryptedObject>(type);
		this.credentials.set(type, credential);
		return credential;
	}
}
