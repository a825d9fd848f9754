import { chooseChannel, normalizeEmail, normalizePhone, validateEmail, validatePhone } from '../../lib/channel';
import { DomainInputError } from '../../lib/time';

const validPhone = '601 234 567'; // PL mobile, national format
const validEmail = 'Anna.Kowalska@Example.PL';

describe('normalizePhone', () => {
	it.each([
		['+48 601 234 567', undefined, '+48601234567'],
		['601 234 567', 'PL', '+48601234567'],
		['601-234-567', 'pl', '+48601234567'],
		['0048 601 234 567', 'PL', '+48601234567'],
		['+972 50-234-5678', 'PL', '+972502345678'],
		['8 (912) 345-67-89', 'RU', '+79123456789'],
		['(212) 555-0123', 'US', '+12125550123'],
	])('%s (region %s) → %s', (raw, region, e164) => {
		expect(normalizePhone(raw, region)).toMatchObject({ e164 });
		expect(validatePhone(raw, region)).toBe(true);
	});

	it.each([
		['', 'PL', 'no phone number'],
		['601234567', undefined, 'no country code: write it as +48… or set a default region'],
		['12345', 'PL', 'not a valid PL number'],
		['call me on 601 234 567', 'PL', 'not a phone number'],
		['anna@example.com', 'PL', 'not a phone number'],
		['+48 601 234 567 89', undefined, 'not a valid PL number'],
	])('%j (region %s) → error %s', (raw, region, error) => {
		expect(normalizePhone(raw, region)).toEqual({ error });
		expect(validatePhone(raw, region)).toBe(false);
	});

	it('reports the number type (mobile vs fixed line) from full metadata', () => {
		expect(normalizePhone(validPhone, 'PL')).toEqual({ e164: '+48601234567', country: 'PL', type: 'MOBILE' });
		expect(normalizePhone('22 123 45 67', 'PL')).toMatchObject({ type: 'FIXED_LINE' });
	});

	it('answers repeated reads the same, and a caller changing an answer does not change the next one', () => {
		const first = normalizePhone('601 234 567', 'PL') as { e164: string; type?: string };
		first.e164 = 'changed';
		first.type = 'changed';
		expect(normalizePhone('601 234 567', 'PL')).toEqual({ e164: '+48601234567', country: 'PL', type: 'MOBILE' });
		// the E.164 form read again under another region: the same number
		expect(normalizePhone('+48601234567', 'DE')).toEqual({ e164: '+48601234567', country: 'PL', type: 'MOBILE' });
		expect(normalizePhone('601 234 567', 'DE')).toEqual({ error: 'not a valid DE number' });
	});

	it('rejects an unknown default region as a configuration error', () => {
		expect(() => normalizePhone(validPhone, 'XX')).toThrow(DomainInputError);
	});
});

describe('normalizeEmail', () => {
	it.each([
		['anna@example.com', 'anna@example.com'],
		['  Anna.Kowalska@Example.PL ', 'Anna.Kowalska@example.pl'],
		['a+reminders@clinic.co.uk', 'a+reminders@clinic.co.uk'],
		['zażółć@gęślą.pl', 'zażółć@gęślą.pl'],
		['x@xn--80ak6aa92e.com', 'x@xn--80ak6aa92e.com'],
	])('%j → %s', (raw, email) => {
		expect(normalizeEmail(raw)).toEqual({ email });
		expect(validateEmail(raw)).toBe(true);
	});

	it.each([
		['', 'no email address'],
		['anna.example.com', 'missing @'],
		['anna@@example.com', 'more than one @'],
		['anna@example', 'domain has no dot'],
		['anna kowalska@example.com', 'contains whitespace'],
		['@example.com', 'nothing before @'],
		['anna@', 'nothing after @'],
		['.anna@example.com', 'misplaced dot before @'],
		['an..na@example.com', 'misplaced dot before @'],
		['anna@example..com', 'invalid domain "example..com"'],
		['anna@-example.com', 'invalid domain "-example.com"'],
		['anna@example.c', 'invalid top-level domain in "example.c"'],
		['anna@example.123', 'invalid top-level domain in "example.123"'],
		['"anna"@example.com', 'character "\\"" not allowed before @'],
		['anna<x>@example.com', 'character "<" not allowed before @'],
		[`${'a'.repeat(65)}@example.com`, 'more than 64 characters before @'],
		[`anna@${'a'.repeat(250)}.com`, 'longer than 254 characters'],
	])('%j → error %s', (raw, error) => {
		expect(normalizeEmail(raw)).toEqual({ error });
		expect(validateEmail(raw)).toBe(false);
	});
});

describe('chooseChannel', () => {
	const both = { phone: validPhone, email: validEmail };
	const phoneOnly = { phone: validPhone, email: 'not-an-email' };
	const emailOnly = { phone: '123', email: validEmail };
	const neither = { phone: '', email: null };

	it('smsOnly uses a valid phone and nothing else', () => {
		expect(chooseChannel({ policy: 'smsOnly', contact: both, defaultRegion: 'PL' })).toEqual({
			channel: 'sms',
			address: '+48601234567',
			candidates: ['sms'],
			trace: [{ channel: 'sms', ok: true, reason: 'chosen: valid phone +48601234567' }],
		});
		const none = chooseChannel({ policy: 'smsOnly', contact: emailOnly, defaultRegion: 'PL' });
		expect(none.channel).toBeNull();
		expect(none.address).toBeNull();
		expect(none.trace).toEqual([{ channel: 'sms', ok: false, reason: 'phone: not a valid PL number' }]);
	});

	it('emailOnly uses a valid email and nothing else', () => {
		expect(chooseChannel({ policy: 'emailOnly', contact: both }).address).toBe('Anna.Kowalska@example.pl');
		const none = chooseChannel({ policy: 'emailOnly', contact: phoneOnly });
		expect(none.channel).toBeNull();
		expect(none.trace).toEqual([{ channel: 'email', ok: false, reason: 'email: missing @' }]);
	});

	it('preferSms: SMS when the phone is valid, otherwise email', () => {
		const withPhone = chooseChannel({ policy: 'preferSms', contact: both, defaultRegion: 'PL' });
		expect(withPhone.channel).toBe('sms');
		expect(withPhone.candidates).toEqual(['sms', 'email']);
		expect(withPhone.trace[1]).toEqual({ channel: 'email', ok: true, reason: 'usable (Anna.Kowalska@example.pl), but sms comes first' });
		const withoutPhone = chooseChannel({ policy: 'preferSms', contact: emailOnly, defaultRegion: 'PL' });
		expect(withoutPhone.channel).toBe('email');
		expect(withoutPhone.trace.map((step) => step.ok)).toEqual([false, true]);
	});

	it('preferEmail: email when the address is valid, otherwise SMS', () => {
		expect(chooseChannel({ policy: 'preferEmail', contact: both, defaultRegion: 'PL' }).channel).toBe('email');
		expect(chooseChannel({ policy: 'preferEmail', contact: phoneOnly, defaultRegion: 'PL' }).channel).toBe('sms');
		const none = chooseChannel({ policy: 'preferEmail', contact: neither, defaultRegion: 'PL' });
		expect(none.channel).toBeNull();
		expect(none.trace).toEqual([
			{ channel: 'email', ok: false, reason: 'email: no email address' },
			{ channel: 'sms', ok: false, reason: 'phone: no phone number' },
		]);
	});

	it('ordered: walks the list and explains each blocked channel', () => {
		const decision = chooseChannel({
			policy: 'ordered',
			order: ['whatsapp', 'sms', 'email'],
			contact: both,
			defaultRegion: 'PL',
			blockers: { whatsapp: 'window closed', sms: 'opted out' },
		});
		expect(decision.channel).toBe('email');
		expect(decision.trace).toEqual([
			{ channel: 'whatsapp', ok: false, reason: 'blocked: window closed' },
			{ channel: 'sms', ok: false, reason: 'blocked: opted out' },
			{ channel: 'email', ok: true, reason: 'chosen: valid email Anna.Kowalska@example.pl' },
		]);
	});

	it('ordered: WhatsApp needs a valid phone', () => {
		const decision = chooseChannel({ policy: 'ordered', order: ['whatsapp', 'email'], contact: emailOnly, defaultRegion: 'PL' });
		expect(decision.channel).toBe('email');
		expect(decision.trace[0]).toEqual({ channel: 'whatsapp', ok: false, reason: 'phone: not a valid PL number' });
	});

	it('blockers apply to prefer policies too and blank reasons are ignored', () => {
		expect(chooseChannel({ policy: 'preferSms', contact: both, defaultRegion: 'PL', blockers: { sms: 'opted out' } }).channel).toBe('email');
		expect(chooseChannel({ policy: 'preferSms', contact: both, defaultRegion: 'PL', blockers: { sms: '  ', email: null } }).channel).toBe('sms');
		expect(chooseChannel({ policy: 'smsOnly', contact: both, defaultRegion: 'PL', blockers: { sms: 'opted out' } }).channel).toBeNull();
	});

	it.each([
		[{ policy: 'sometimes' }, 'policy'],
		[{ policy: 'ordered' }, 'order'],
		[{ policy: 'ordered', order: [] }, 'order'],
		[{ policy: 'ordered', order: ['sms', 'pigeon'] }, 'order'],
		[{ policy: 'ordered', order: ['sms', 'sms'] }, 'order'],
		[{ policy: 'preferSms', blockers: { SMS: 'x' } }, 'blockers'],
		[{ policy: 'preferSms', defaultRegion: 'Poland' }, 'defaultRegion'],
	])('rejects bad configuration %j (field %s)', (config, field) => {
		expect(() => chooseChannel({ contact: both, ...config } as never)).toThrow(expect.objectContaining({ field }));
	});
});

describe('numbers that cannot take texts', () => {
	it('does not text a Polish landline: prefer SMS falls back to email, SMS only has no channel', () => {
		const contact = { phone: '+48 22 123 45 67', email: 'anna@example.com' };
		const prefer = chooseChannel({ policy: 'preferSms', contact });
		expect(prefer.channel).toBe('email');
		expect(prefer.trace[0]).toMatchObject({ channel: 'sms', ok: false, reason: expect.stringContaining('fixed line') });
		expect(chooseChannel({ policy: 'smsOnly', contact }).channel).toBeNull();
		expect(chooseChannel({ policy: 'smsOnly', contact: { phone: '+48 601 234 567' } }).channel).toBe('sms');
	});
});
