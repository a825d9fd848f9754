/** Signed tracking tokens (shared with the Journey Event Trigger) and the rewriting of message bodies. */
import { UNSUBSCRIBE_SCOPE, deriveTrackingSecret, resolveTrackingSecret, signTrackingToken, trackHtml, trackTextLinks, verifyTrackingToken } from '../../../lib/tracking';

const SECRET = 'a-long-enough-secret-value';
const ctx = { baseUrl: 'https://n8n.example/webhook/x/journey/', secret: SECRET, messageId: '01890c7e-0000-7000-8000-000000000001' };

describe('tracking tokens', () => {
	it('verify for the same message (and URL), and refuse tampering, another URL or another secret', () => {
		const open = signTrackingToken(SECRET, { messageId: ctx.messageId });
		expect(verifyTrackingToken(SECRET, open)).toEqual({ messageId: ctx.messageId });
		expect(verifyTrackingToken(SECRET, open.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')))).toBeNull();
		expect(verifyTrackingToken(SECRET, open.replace('0001.', '0002.'))).toBeNull();
		expect(verifyTrackingToken('another-secret-of-length', open)).toBeNull();
		const click = signTrackingToken(SECRET, { messageId: ctx.messageId, url: 'https://a.example/' });
		expect(verifyTrackingToken(SECRET, click, 'https://a.example/')).toEqual({ messageId: ctx.messageId });
		expect(verifyTrackingToken(SECRET, click, 'https://b.example/')).toBeNull();
		expect(verifyTrackingToken(SECRET, click)).toBeNull();
		expect(verifyTrackingToken(SECRET, 'garbage')).toBeNull();
		expect(() => signTrackingToken('short', { messageId: 'x' })).toThrow(/at least 16/);
	});

	it('resolve their secret from JOURNEY_TRACKING_SECRET, else N8N_ENCRYPTION_KEY, else n8n\'s config file', () => {
		const noFile = () => {
			throw new Error('ENOENT');
		};
		expect(resolveTrackingSecret({ JOURNEY_TRACKING_SECRET: 'explicit-secret-123456', N8N_ENCRYPTION_KEY: 'k' }, noFile)).toEqual({ secret: 'explicit-secret-123456', source: 'JOURNEY_TRACKING_SECRET' });
		expect(resolveTrackingSecret({ N8N_ENCRYPTION_KEY: 'n8n-key' }, noFile)).toEqual({ secret: deriveTrackingSecret('n8n-key'), source: 'N8N_ENCRYPTION_KEY' });
		expect(deriveTrackingSecret('n8n-key')).not.toContain('n8n-key');
		const config = (file: string) => {
			expect(file).toBe('/srv/n8n/.n8n/config');
			return '{"encryptionKey":"from-file"}';
		};
		expect(resolveTrackingSecret({ N8N_USER_FOLDER: '/srv/n8n' }, config)).toEqual({ secret: deriveTrackingSecret('from-file'), source: 'n8n config file' });
		expect(() => resolveTrackingSecret({ N8N_USER_FOLDER: '/nowhere' }, noFile)).toThrow(/JOURNEY_TRACKING_SECRET/);
	});
});

describe('tracking links', () => {
	it('rewrites http(s) links in HTML and text, leaves mailto and its own URLs, and adds the pixel before </body>', () => {
		const html = '<html><body><a href="https://c.example/p?a=1&amp;b=2">pay</a> <a href="mailto:x@c.example">mail</a></body></html>';
		const tracked = trackHtml(html, ctx, { clicks: true, openPixel: true });
		const href = /<a href="([^"]+)">pay/.exec(tracked)![1].replace(/&amp;/g, '&');
		const url = new URL(href);
		expect(url.origin + url.pathname).toBe('https://n8n.example/webhook/x/journey/click');
		expect(url.searchParams.get('u')).toBe('https://c.example/p?a=1&b=2');
		expect(verifyTrackingToken(SECRET, url.searchParams.get('t')!, 'https://c.example/p?a=1&b=2')).toEqual({ messageId: ctx.messageId });
		expect(tracked).toContain('href="mailto:x@c.example"');
		expect(tracked).toMatch(/<img src="https:\/\/n8n\.example\/webhook\/x\/journey\/open\?t=[^"]+" width="1" height="1"[^>]*>\n<\/body>/);
		expect(trackHtml(tracked, ctx, { clicks: true, openPixel: false })).toBe(tracked);

		const text = trackTextLinks('Pay: https://c.example/p?a=1. Thanks!', ctx);
		expect(text).toMatch(/^Pay: https:\/\/n8n\.example\/webhook\/x\/journey\/click\?t=[^ ]+&u=https%3A%2F%2Fc\.example%2Fp%3Fa%3D1\. Thanks!$/);
		expect(UNSUBSCRIBE_SCOPE).toBe('unsubscribe');
	});
});
