import { foldText } from './normalize';

export type ReplyIntent = 'yes' | 'no' | 'stop' | 'help' | 'unknown';
export type ReplyLanguage = 'en' | 'pl' | 'he' | 'ru';

export interface Keyword {
	intent: ReplyIntent;
	language?: ReplyLanguage;
	/** Counts only as the entire reply: digits, single letters and words common in ordinary sentences. */
	aloneOnly?: boolean;
}

type Entry = [words: string, intent: ReplyIntent, language?: ReplyLanguage, aloneOnly?: 'alone'];

const WORDS: Entry[] = [
	['yes yeah yep yup yea ya sure confirm confirmed confirming absolutely definitely', 'yes', 'en'],
	['y', 'yes', 'en', 'alone'],
	['ok okay okey 👍 ✅ ✔ ☑ 👌', 'yes'],
	['1', 'yes', undefined, 'alone'],
	['tak potwierdzam potwierdzone jasne oczywiście zgoda', 'yes', 'pl'],
	['כן מאשר מאשרת בטח', 'yes', 'he'],
	['да ага угу ок подтверждаю конечно', 'yes', 'ru'],
	['no nope nah', 'no', 'en'],
	['n', 'no', 'en', 'alone'],
	['👎 ❌ ✖', 'no'],
	['2', 'no', undefined, 'alone'],
	['nie odwołuję', 'no', 'pl'],
	['לא', 'no', 'he'],
	['нет неа', 'no', 'ru'],
	['stop', 'stop'],
	['stopall unsubscribe optout', 'stop', 'en'],
	// Standard carrier keywords, but ordinary words inside a sentence ("cancel my visit" is not an opt-out).
	['end quit cancel', 'stop', 'en', 'alone'],
	['wypisz wypisać wypiszcie', 'stop', 'pl'],
	['הסר הסירו עצור', 'stop', 'he'],
	['стоп отписаться отпишите отписка', 'stop', 'ru'],
	['help', 'help', 'en'],
	['info', 'help'],
	['pomoc', 'help', 'pl'],
	['עזרה', 'help', 'he'],
	['помощь', 'help', 'ru'],
];

/** Two-word openings that decide the reply, including look-alikes of yes/no that mean "I don't know". */
const OPENINGS: Entry[] = [
	['no idea|no clue|not sure|no problem|no worries|yes no', 'unknown', 'en'],
	['nie wiem|nie jestem|nie ma|nie szkodzi|nie pamiętam|tak nie', 'unknown', 'pl'],
	['לא יודע|לא יודעת|לא בטוח|לא בטוחה|לא זוכר|לא זוכרת', 'unknown', 'he'],
	['не знаю|не уверен|не уверена|не помню|нет проблем|да нет', 'unknown', 'ru'],
	['of course|i confirm', 'yes', 'en'],
	['не приду|не смогу|не буду', 'no', 'ru'],
	['opt out|stop all', 'stop', 'en'],
];

/** Words that make a yes or no conditional or hesitant wherever they appear. */
const HEDGES = 'but maybe perhaps probably if unless ale może chyba jeśli jeżeli אבל אולי אם но может наверное возможно если';

function fold(entries: Entry[], separator: string): Map<string, Keyword> {
	const map = new Map<string, Keyword>();
	for (const [words, intent, language, alone] of entries) {
		for (const word of words.split(separator)) {
			map.set(foldText(word), { intent, ...(language ? { language } : {}), ...(alone ? { aloneOnly: true } : {}) });
		}
	}
	return map;
}

export const KEYWORDS = fold(WORDS, ' ');
export const OPENING_PHRASES = fold(OPENINGS, '|');
export const HEDGE_WORDS = new Set(HEDGES.split(' ').map(foldText));
