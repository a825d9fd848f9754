/** Every parameter of one item, read for that item (expressions may differ per item). */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Channel, ChannelPolicy } from '../../lib/channel';
import type { Purpose } from '../../lib/store';
import type { TemplateName } from '../../lib/templates';
import type { SendRulesInput } from '../shared/schedule-properties';
import { readQuietHours } from './description/quiet-hours';

export type SmsProviderName = 'outbox' | 'twilio' | 'smsapi' | 'http';
export type EmailProviderName = 'outbox' | 'smtp';
export type WhatsAppProviderName = 'outbox' | 'whatsAppCloud';
export type VisitCheck = 'notCancelledOrMoved' | 'booked' | 'none';

export interface SendOptions {
	attachCalendar: boolean;
	clinicName: string;
	consentCollectedElsewhere: boolean;
	defaultLocale: string;
	defaultRegion?: string;
	idempotencyKey: string;
	maxRetries: number;
	rateLimit: number;
	replyTo: string;
	trackClicks: boolean;
	trackOpens: boolean;
	trackingBaseUrl: string;
	twilioBaseUrl: string;
	unsubscribeUrl: string;
	visitCheck: VisitCheck;
}

export interface SendParams {
	purpose: Purpose;
	policy: ChannelPolicy;
	order?: Channel[];
	providers: { sms: SmsProviderName; email: EmailProviderName; whatsapp: WhatsAppProviderName };
	emailFrom: string;
	smsFrom: string;
	messageSource: 'template' | 'custom';
	template: TemplateName;
	subject: string;
	text: string;
	html: string;
	variables: Record<string, string>;
	whatsAppTemplate: { name: string; language: string; parameters: string[] } | null;
	step: string;
	cap: { limit: number; windowHours: number; action: 'defer' | 'drop' } | null;
	/** The send rules when quiet hours are respected; `zone` is the Time Zone parameter (may be empty). */
	window: SendRulesInput | null;
	options: SendOptions;
}

const str = (value: unknown) => (value === undefined || value === null ? '' : String(value));

export function readSendParams(ctx: IExecuteFunctions, i: number): SendParams {
	const get = <T>(name: string, fallback: T): T => ctx.getNodeParameter(name, i, fallback) as T;
	const policy = get<ChannelPolicy>('channelPolicy', 'preferSms');
	const purpose = get<Purpose>('purpose', 'service');
	const messageSource = get<'template' | 'custom'>('messageSource', 'template');
	const order = policy === 'ordered' ? (get<{ channels?: Array<{ channel: Channel }> }>('channelOrder', {}).channels ?? []).map((c) => c.channel) : undefined;
	const variables: Record<string, string> = {};
	for (const { name, value } of get<{ variable?: Array<{ name: string; value: unknown }> }>('templateVariables', {}).variable ?? []) {
		if (name?.trim()) variables[name.trim().replace(/^\{|\}$/g, '')] = str(value);
	}
	const wa = policy === 'ordered' ? get<IDataObject>('whatsAppTemplate', {}) : {};
	const waParameters = ((wa.parameters as { parameter?: Array<{ value: unknown }> } | undefined)?.parameter ?? []).map((p) => str(p.value));
	const useCap = purpose === 'marketing' && get('useFrequencyCap', true);
	const options = get<IDataObject>('options', {});
	return {
		purpose,
		policy,
		order,
		providers: {
			sms: policy === 'emailOnly' ? 'outbox' : get<SmsProviderName>('smsProvider', 'outbox'),
			email: policy === 'smsOnly' ? 'outbox' : get<EmailProviderName>('emailProvider', 'outbox'),
			whatsapp: policy === 'ordered' ? get<WhatsAppProviderName>('whatsAppProvider', 'outbox') : 'outbox',
		},
		emailFrom: str(get('emailFrom', '')).trim(),
		smsFrom: str(get('smsFrom', '')).trim(),
		messageSource,
		template: get<TemplateName>('template', 'reminder'),
		subject: messageSource === 'custom' ? str(get('subject', '')) : '',
		text: messageSource === 'custom' ? str(get('text', '')) : '',
		html: messageSource === 'custom' ? str(get('html', '')) : '',
		variables,
		whatsAppTemplate: str(wa.name).trim() ? { name: str(wa.name).trim(), language: str(wa.language).trim(), parameters: waParameters } : null,
		step: str(get('step', '')).trim(),
		cap: useCap
			? { limit: Number(get('capMessages', 3)), windowHours: Number(get('capHours', 168)), action: get<'defer' | 'drop'>('capAction', 'defer') }
			: null,
		window: readQuietHours(ctx, i),
		options: {
			attachCalendar: options.attachCalendar === true,
			clinicName: str(options.clinicName).trim(),
			consentCollectedElsewhere: options.consentCollectedElsewhere === true,
			defaultLocale: str(options.defaultLocale).trim() || 'en',
			defaultRegion: str(options.defaultRegion).trim() || undefined,
			idempotencyKey: str(options.idempotencyKey).trim(),
			maxRetries: options.maxRetries === undefined ? 3 : Number(options.maxRetries),
			rateLimit: Number(options.rateLimit ?? 0),
			replyTo: str(options.replyTo).trim(),
			trackClicks: options.trackClicks !== false,
			trackOpens: options.trackOpens !== false,
			trackingBaseUrl: str(options.trackingBaseUrl).trim(),
			twilioBaseUrl: str(options.twilioBaseUrl).trim(),
			unsubscribeUrl: str(options.unsubscribeUrl).trim(),
			visitCheck: (options.visitCheck as VisitCheck | undefined) ?? 'notCancelledOrMoved',
		},
	};
}
