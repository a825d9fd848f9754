/** Email HTML: plain text turned into a small document, and the contact's language and direction on the root. */

export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const URL_IN_TEXT = /https?:\/\/[^\s<>"']+/g;
const TRAILING = /[.,;:!?)\]]+$/;

/** Bare http(s) URLs in text, without trailing punctuation. */
export function findUrls(text: string): Array<{ url: string; index: number }> {
	const found: Array<{ url: string; index: number }> = [];
	for (const match of text.matchAll(URL_IN_TEXT)) found.push({ url: match[0].replace(TRAILING, ''), index: match.index! });
	return found;
}

/** Paragraphs per blank line, line breaks kept, URLs made links. */
export function textToHtml(text: string, lang: string, dir: 'ltr' | 'rtl'): string {
	const paragraphs = text
		.split(/\n\s*\n/)
		.map((paragraph) => `<p>${linkify(paragraph).replace(/\n/g, '<br>')}</p>`)
		.join('\n');
	return `<!doctype html>\n<html lang="${escapeHtml(lang)}" dir="${dir}">\n<head><meta charset="utf-8"></head>\n<body>\n${paragraphs}\n</body>\n</html>`;
}

function linkify(text: string): string {
	let out = '';
	let last = 0;
	for (const { url, index } of findUrls(text)) {
		out += escapeHtml(text.slice(last, index)) + `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`;
		last = index + url.length;
	}
	return out + escapeHtml(text.slice(last));
}

/** Sets lang and dir on the <html> element of a custom document, or wraps a fragment in one. */
export function withDocumentLanguage(html: string, lang: string, dir: 'ltr' | 'rtl'): string {
	const root = /<html\b([^>]*)>/i.exec(html);
	if (!root) {
		return `<!doctype html>\n<html lang="${escapeHtml(lang)}" dir="${dir}">\n<head><meta charset="utf-8"></head>\n<body>\n${html}\n</body>\n</html>`;
	}
	const attributes = root[1].replace(/\s(lang|dir)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '');
	const tag = `<html${attributes} lang="${escapeHtml(lang)}" dir="${dir}">`;
	return html.slice(0, root.index) + tag + html.slice(root.index + root[0].length);
}
