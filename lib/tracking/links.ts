/** Tracking URLs on the Journey Event Trigger's base URL, and rewriting of message bodies to use them. */
import { escapeHtml, findUrls } from '../templates/html';
import { UNSUBSCRIBE_SCOPE, signTrackingToken } from './token';

export interface TrackingContext {
	/** The Journey Event Trigger's URL, e.g. https://n8n.example.com/webhook/abc/journey. */
	baseUrl: string;
	secret: string;
	messageId: string;
}

const base = (ctx: TrackingContext) => ctx.baseUrl.replace(/\/+$/, '');

export function openPixelUrl(ctx: TrackingContext): string {
	return `${base(ctx)}/open?t=${encodeURIComponent(signTrackingToken(ctx.secret, { messageId: ctx.messageId }))}`;
}

export function clickUrl(ctx: TrackingContext, url: string): string {
	const token = signTrackingToken(ctx.secret, { messageId: ctx.messageId, url });
	return `${base(ctx)}/click?t=${encodeURIComponent(token)}&u=${encodeURIComponent(url)}`;
}

/** One-click unsubscribe (RFC 8058): the trigger answers POST "List-Unsubscribe=One-Click" on it. */
export function unsubscribeUrl(ctx: TrackingContext): string {
	const token = signTrackingToken(ctx.secret, { messageId: ctx.messageId, url: UNSUBSCRIBE_SCOPE });
	return `${base(ctx)}/unsubscribe?t=${encodeURIComponent(token)}`;
}

function isOwn(ctx: TrackingContext, url: string): boolean {
	return url.startsWith(`${base(ctx)}/`);
}

/** Every bare http(s) URL in a text replaced by its click URL. */
export function trackTextLinks(text: string, ctx: TrackingContext): string {
	let out = '';
	let last = 0;
	for (const { url, index } of findUrls(text)) {
		out += text.slice(last, index) + (isOwn(ctx, url) ? url : clickUrl(ctx, url));
		last = index + url.length;
	}
	return out + text.slice(last);
}

const HREF = /(<a\b[^>]*?\bhref\s*=\s*)(["'])(https?:\/\/[^"']+)\2/gi;

function decodeEntities(text: string): string {
	return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name]!);
}

/** Links in <a href> rewritten to click URLs and, optionally, a 1×1 open pixel before </body>. */
export function trackHtml(html: string, ctx: TrackingContext, options: { clicks: boolean; openPixel: boolean }): string {
	let out = html;
	if (options.clicks) {
		out = out.replace(HREF, (match, start: string, quote: string, raw: string) => {
			const url = decodeEntities(raw);
			return isOwn(ctx, url) ? match : `${start}${quote}${escapeHtml(clickUrl(ctx, url))}${quote}`;
		});
	}
	if (options.openPixel) {
		const pixel = `<img src="${escapeHtml(openPixelUrl(ctx))}" width="1" height="1" alt="" style="display:block;border:0;width:1px;height:1px">`;
		const close = out.search(/<\/body\s*>/i);
		out = close >= 0 ? `${out.slice(0, close)}${pixel}\n${out.slice(close)}` : `${out}${pixel}`;
	}
	return out;
}
