import { parseReply } from '../../lib/reply';

describe('parseReply', () => {
	it.each([
		// English
		['yes', 'yes', 'en'],
		['Yes!', 'yes', 'en'],
		['  YES.  ', 'yes', 'en'],
		['y', 'yes', 'en'],
		['Yeah', 'yes', 'en'],
		['yesss', 'yes', 'en'],
		['ok', 'yes', undefined],
		['OK thanks, see you', 'yes', undefined],
		['Confirm', 'yes', 'en'],
		['of course', 'yes', 'en'],
		['no', 'no', 'en'],
		['N', 'no', 'en'],
		['No, thank you', 'no', 'en'],
		['nope', 'no', 'en'],
		// Polish
		['tak', 'yes', 'pl'],
		['Tak, będę', 'yes', 'pl'],
		['TAK!!!', 'yes', 'pl'],
		['Potwierdzam', 'yes', 'pl'],
		['potwierdzam wizytę', 'yes', 'pl'],
		['nie', 'no', 'pl'],
		['Nie, dziękuję', 'no', 'pl'],
		['nie będę', 'no', 'pl'],
		['Nie mogę przyjść', 'no', 'pl'],
		// Hebrew
		['כן', 'yes', 'he'],
		['כן, אגיע', 'yes', 'he'],
		['כֵּן', 'yes', 'he'],
		['\u200Fכן', 'yes', 'he'],
		['מאשר', 'yes', 'he'],
		['לא', 'no', 'he'],
		['לא, תודה', 'no', 'he'],
		// Russian
		['да', 'yes', 'ru'],
		['Да, приду', 'yes', 'ru'],
		['ДА', 'yes', 'ru'],
		['ага', 'yes', 'ru'],
		['Подтверждаю', 'yes', 'ru'],
		['нет', 'no', 'ru'],
		['Нет, не приду', 'no', 'ru'],
		['не приду', 'no', 'ru'],
		// digits and emoji
		['1', 'yes', undefined],
		['1.', 'yes', undefined],
		['2', 'no', undefined],
		['👍', 'yes', undefined],
		['👍🏽', 'yes', undefined],
		['✅', 'yes', undefined],
		['✔️', 'yes', undefined],
		['👎', 'no', undefined],
		['❌', 'no', undefined],
		['ok👍', 'yes', undefined],
	])('%j → %s', (text, intent, language) => {
		const reply = parseReply(text);
		expect(reply.intent).toBe(intent);
		expect(reply.language).toBe(language);
		expect(reply.matched).not.toBeNull();
	});

	it.each([
		['STOP', 'stop'],
		['stop', 'stop'],
		['Stop texting me', 'stop'],
		['UNSUBSCRIBE', 'stop'],
		['STOPALL', 'stop'],
		['stop all', 'stop'],
		['END', 'stop'],
		['Quit', 'stop'],
		['CANCEL', 'stop'],
		['opt out', 'stop'],
		['wypisz', 'stop'],
		['Wypisz mnie', 'stop'],
		['הסר', 'stop'],
		['עצור', 'stop'],
		['стоп', 'stop'],
		['Отписаться', 'stop'],
		['HELP', 'help'],
		['info', 'help'],
		['Pomoc', 'help'],
		['עזרה', 'help'],
		['помощь', 'help'],
	])('%j → %s', (text, intent) => {
		expect(parseReply(text).intent).toBe(intent);
	});

	it.each([
		['nie wiem', 'pl'],
		['Nie wiem jeszcze', 'pl'],
		['nie jestem pewna', 'pl'],
		['no idea', 'en'],
		['not sure', 'en'],
		['no problem', 'en'],
		['yes and no', 'en'],
		['Tak i nie', 'pl'],
		['yes?', 'en'],
		['tak, ale mogę się spóźnić', 'pl'],
		['yes but can we move it to 11?', 'en'],
		['Да, наверное', 'ru'],
		['не знаю', 'ru'],
		['לא יודע', 'he'],
		['Cancel my appointment please', undefined],
		['the end', undefined],
		['2 people will come', undefined],
		['y not', undefined],
		['', undefined],
		['   ...   ', undefined],
		['hello', undefined],
		['Будет ли врач?', undefined],
	])('%j → unknown', (text, language) => {
		const reply = parseReply(text);
		expect(reply.intent).toBe('unknown');
		expect(reply.language).toBe(language);
	});

	it('keeps й distinct from и and folds ё to е', () => {
		expect(parseReply('Подтверждаю').matched).toBe('подтверждаю');
		expect(parseReply('ещё').intent).toBe('unknown');
	});

	it('reports the matched keyword in folded form', () => {
		expect(parseReply('Potwierdzam!')).toEqual({ intent: 'yes', matched: 'potwierdzam', language: 'pl' });
		expect(parseReply('Nie wiem')).toEqual({ intent: 'unknown', matched: 'nie wiem', language: 'pl' });
	});

	it('treats non-text input as unknown', () => {
		expect(parseReply(undefined)).toEqual({ intent: 'unknown', matched: null });
		expect(parseReply(42)).toEqual({ intent: 'unknown', matched: null });
	});
});
