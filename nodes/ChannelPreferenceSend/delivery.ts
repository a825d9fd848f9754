/** One attempt on one channel: package the content for the channel, add tracking, send with rate limit and retries. */
import { rateLimiter, withRetries, type EmailAttachment, type EmailMessage, type SendResult, type WhatsAppMessage } from '../../lib/providers';
import type { Attempt } from '../../lib/send';
import { countSmsSegments, type SmsEncoding } from '../../lib/sms';
import { fillPlaceholders, localeTexts, textToHtml, visitCalendarEvent, withDocumentLanguage } from '../../lib/templates';
import { trackHtml, trackTextLinks, unsubscribeUrl, type TrackingContext } from '../../lib/tracking';
import { whatsAppParameters, type Content } from './content';
import type { SendParams } from './params';
import type { ItemVisit } from './recipient';
import type { LimitedSender, Senders } from './senders';

export interface Delivery extends SendResult {
	/** What went out: the SMS/WhatsApp text or the email's plain-text part. */
	text: string;
	subject?: string;
	sms?: { encoding: SmsEncoding; segments: number };
	whatsApp?: { type: 'text' | 'template'; template?: string; language?: string };
}

export interface DeliveryContext {
	params: SendParams;
	content: Content;
	visit: ItemVisit | null;
	senders: Senders;
	whatsAppWindowOpen: boolean;
	idempotencyKey: string;
	/** Resolved only when tracking is configured. */
	trackingSecret: () => string;
}

async function send<M>(limited: LimitedSender<M>, message: M, params: SendParams): Promise<SendResult> {
	return await withRetries(
		async () => {
			await rateLimiter(limited.limiterKey, params.options.rateLimit).take();
			return await limited.sender.send(message);
		},
		{ maxRetries: params.options.maxRetries },
	);
}

function tracking(ctx: DeliveryContext, messageId: string): TrackingContext | null {
	const base = ctx.params.options.trackingBaseUrl;
	return base ? { baseUrl: base, secret: ctx.trackingSecret(), messageId } : null;
}

export async function deliver(ctx: DeliveryContext, attempt: Attempt): Promise<Delivery> {
	const track = tracking(ctx, attempt.message.id);
	const clicks = track && ctx.params.options.trackClicks ? track : null;
	if (attempt.channel === 'sms') {
		const text = clicks ? trackTextLinks(ctx.content.text, clicks) : ctx.content.text;
		const sender = await ctx.senders.sms(ctx.params.providers.sms, ctx.params);
		const result = await send(sender, { to: attempt.address, text, from: ctx.params.smsFrom || undefined, idempotencyKey: ctx.idempotencyKey }, ctx.params);
		const info = countSmsSegments(text);
		return { ...result, text, sms: { encoding: info.encoding, segments: info.segments } };
	}
	if (attempt.channel === 'whatsapp') return await deliverWhatsApp(ctx, attempt, clicks);
	return await deliverEmail(ctx, attempt, track);
}

async function deliverWhatsApp(ctx: DeliveryContext, attempt: Attempt, clicks: TrackingContext | null): Promise<Delivery> {
	const sender = await ctx.senders.whatsapp(ctx.params.providers.whatsapp);
	const template = ctx.params.whatsAppTemplate;
	let message: WhatsAppMessage;
	if (ctx.whatsAppWindowOpen || !template) {
		message = { to: attempt.address, kind: 'text', text: clicks ? trackTextLinks(ctx.content.text, clicks) : ctx.content.text };
	} else {
		const language = template.language || ctx.content.locale.language;
		message = { to: attempt.address, kind: 'template', name: template.name, language, parameters: whatsAppParameters(ctx.params, ctx.content) };
	}
	const result = await send(sender, message, ctx.params);
	return message.kind === 'text'
		? { ...result, text: message.text, whatsApp: { type: 'text' } }
		: { ...result, text: `[template ${message.name}] ${message.parameters.join(' | ')}`, whatsApp: { type: 'template', template: message.name, language: message.language } };
}

async function deliverEmail(ctx: DeliveryContext, attempt: Attempt, track: TrackingContext | null): Promise<Delivery> {
	const { params, content } = ctx;
	const { tag, dir } = content.locale;
	const options = params.options;
	let html = content.html ? withDocumentLanguage(content.html, tag, dir) : textToHtml(content.text, tag, dir);
	let text = content.text;
	if (track) {
		html = trackHtml(html, track, { clicks: options.trackClicks, openPixel: options.trackOpens });
		if (options.trackClicks) text = trackTextLinks(text, track);
	}
	const headers: Record<string, string> = {};
	if (params.purpose === 'marketing') Object.assign(headers, unsubscribeHeaders(options.unsubscribeUrl || (track ? unsubscribeUrl(track) : ''), params.emailFrom));
	const subject = content.subject.trim() || firstSentence(content.text);
	const message: EmailMessage = {
		to: attempt.address,
		from: params.emailFrom,
		replyTo: options.replyTo || undefined,
		subject,
		text,
		html,
		headers,
		attachments: calendarAttachment(ctx),
	};
	const result = await send(await ctx.senders.email(params.providers.email), message, params);
	return { ...result, text, subject };
}

/** RFC 2369 / RFC 8058: one-click only for an http(s) URL; otherwise a mailto: to the sender. */
export function unsubscribeHeaders(url: string, from: string): Record<string, string> {
	if (/^https?:\/\//i.test(url)) return { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
	const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
	return address ? { 'List-Unsubscribe': `<mailto:${address}?subject=unsubscribe>` } : {};
}

function firstSentence(text: string): string {
	const sentence = /^(.+?[.!?])(\s|$)/.exec(text)?.[1] ?? text;
	return sentence.length > 78 ? `${sentence.slice(0, 75)}…` : sentence;
}

function calendarAttachment(ctx: DeliveryContext): EmailAttachment[] | undefined {
	const visit = ctx.visit;
	if (!ctx.params.options.attachCalendar || !visit?.start) return undefined;
	const clinic = String(ctx.content.variables.clinic ?? '').trim();
	const title = clinic
		? fillPlaceholders(localeTexts(ctx.content.locale.language).calendarTitle, { clinic }, { label: 'the calendar title' })
		: localeTexts(ctx.content.locale.language).calendarTitle.replace(/[\s:-]*\{clinic\}/, '').trim();
	const content = visitCalendarEvent({
		uid: `${visit.id}-v${visit.version ?? 0}@n8n-nodes-customer-journey`,
		start: visit.start,
		end: visit.end,
		title,
		location: clinic || visit.location,
	});
	return [{ filename: 'visit.ics', content, contentType: 'text/calendar; charset=utf-8; method=PUBLISH' }];
}
