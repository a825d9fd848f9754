import { countSmsSegments } from '../../lib/sms';

describe('countSmsSegments', () => {
	it.each([
		['', 'GSM-7', 0, 0, 160],
		['a', 'GSM-7', 1, 1, 160],
		['a'.repeat(160), 'GSM-7', 160, 1, 160],
		['a'.repeat(161), 'GSM-7', 161, 2, 153],
		['a'.repeat(306), 'GSM-7', 306, 2, 153],
		['a'.repeat(307), 'GSM-7', 307, 3, 153],
		['ą'.repeat(70), 'UCS-2', 70, 1, 70],
		['ą'.repeat(71), 'UCS-2', 71, 2, 67],
		['ą'.repeat(134), 'UCS-2', 134, 2, 67],
		['ą'.repeat(135), 'UCS-2', 135, 3, 67],
	])('%#: %s chars → %s, %i units, %i segments of %i', (text, encoding, units, segments, perSegment) => {
		expect(countSmsSegments(text)).toMatchObject({ encoding, units, segments, perSegment });
	});

	it('counts every extension character (and form feed) as two septets', () => {
		for (const char of ['^', '{', '}', '\\', '[', '~', ']', '|', '€', '\f']) {
			expect(countSmsSegments(char)).toEqual({ encoding: 'GSM-7', units: 2, segments: 1, perSegment: 160, nonGsmChars: [] });
		}
		expect(countSmsSegments('€'.repeat(80)).segments).toBe(1);
		expect(countSmsSegments(`${'a'.repeat(159)}€`)).toMatchObject({ units: 161, segments: 2 });
	});

	it('does not split an escape sequence across parts', () => {
		// 152 septets + '€' (2) would straddle the 153-septet boundary, so '€' opens part 2.
		const text = `${'a'.repeat(152)}€${'a'.repeat(152)}`;
		expect(countSmsSegments(text)).toMatchObject({ units: 306, segments: 3 });
		expect(countSmsSegments(`${'a'.repeat(151)}€${'a'.repeat(153)}`)).toMatchObject({ units: 306, segments: 2 });
	});

	it('accepts the whole GSM 03.38 basic set as GSM-7', () => {
		const basic = '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
		expect(countSmsSegments(basic)).toMatchObject({ encoding: 'GSM-7', units: 127, nonGsmChars: [] });
	});

	it('counts emoji as two UTF-16 units and never splits a surrogate pair', () => {
		expect(countSmsSegments('👍')).toMatchObject({ encoding: 'UCS-2', units: 2, segments: 1, nonGsmChars: ['👍'] });
		expect(countSmsSegments('😀'.repeat(35))).toMatchObject({ units: 70, segments: 1 });
		// 66 units + an emoji would put half of it in part 1, so it moves whole to part 2.
		const text = `${'ą'.repeat(66)}😀${'ą'.repeat(66)}`;
		expect(countSmsSegments(text)).toMatchObject({ units: 134, segments: 3 });
		expect(countSmsSegments(`${'ą'.repeat(65)}😀${'ą'.repeat(67)}`)).toMatchObject({ units: 134, segments: 2 });
	});

	it('switches to UCS-2 for Polish, Hebrew and Russian and names the offending characters', () => {
		const polish = countSmsSegments('Przypominamy o wizycie jutro o 10:00. Odpowiedz TAK, aby potwierdzić, lub NIE, aby odwołać. Wyślij STOP, aby się wypisać.');
		expect(polish).toMatchObject({ encoding: 'UCS-2', units: 121, segments: 2, perSegment: 67 });
		expect(polish.nonGsmChars).toEqual(['ć', 'ł', 'ś', 'ę']);
		const hebrew = countSmsSegments('תזכורת: התור שלך מחר ב-10:00. השב כן לאישור או לא לביטול.');
		expect(hebrew).toMatchObject({ encoding: 'UCS-2', units: 57, segments: 1, perSegment: 70 });
		const russian = countSmsSegments('Напоминаем о визите завтра в 10:00. Ответьте ДА для подтверждения или НЕТ для отмены.');
		expect(russian).toMatchObject({ encoding: 'UCS-2', units: 85, segments: 2 });
		expect(russian.nonGsmChars).toHaveLength(5);
	});

	it('keeps an English reminder with Ł-free Polish names in GSM-7', () => {
		const text = 'Reminder: your visit with Dr Nowak is on Tue 13 Apr at 10:00. Reply YES to confirm or NO to cancel.';
		expect(countSmsSegments(text)).toMatchObject({ encoding: 'GSM-7', units: text.length, segments: 1 });
	});

	it('treats characters outside GSM 03.38 (ç, smart quotes, Ł) as UCS-2', () => {
		for (const char of ['ç', '’', '“', 'Ł', '\u00a0']) expect(countSmsSegments(`abc${char}`).encoding).toBe('UCS-2');
	});
});
