import { foldText, tokenize } from './normalize';
import { HEDGE_WORDS, KEYWORDS, type Keyword, OPENING_PHRASES, type ReplyIntent, type ReplyLanguage } from './vocabulary';

export interface ParsedReply {
	intent: ReplyIntent;
	/** The folded keyword or phrase that decided, or null. */
	matched: string | null;
	language?: ReplyLanguage;
}

const UNKNOWN: ParsedReply = { intent: 'unknown', matched: null };

/**
 * Intent of a free-text SMS/WhatsApp reply in English, Polish, Hebrew or Russian.
 * The opening word decides ("Tak, będę" → yes) unless the rest hedges, contradicts or asks;
 * anything unclear is 'unknown' so that a person reads it.
 */
export function parseReply(text: unknown): ParsedReply {
	if (typeof text !== 'string') return UNKNOWN;
	const tokens = tokenize(foldText(text));
	if (tokens.length === 0) return UNKNOWN;

	const opening = tokens.length > 1 ? OPENING_PHRASES.get(`${tokens[0]} ${tokens[1]}`) : undefined;
	if (opening) return decide(opening, `${tokens[0]} ${tokens[1]}`, tokens.slice(2), text);

	const first = KEYWORDS.get(tokens[0]);
	if (!first) return UNKNOWN;
	if (first.aloneOnly && tokens.length > 1) return UNKNOWN;
	return decide(first, tokens[0], tokens.slice(1), text);
}

function decide(keyword: Keyword, matched: string, rest: string[], raw: string): ParsedReply {
	const result: ParsedReply = { intent: keyword.intent, matched, ...(keyword.language ? { language: keyword.language } : {}) };
	if (keyword.intent === 'stop' || keyword.intent === 'help') return result;
	if (keyword.intent === 'unknown') return { ...result, intent: 'unknown' };
	// yes / no: a question, a hedge or a contradicting keyword later makes it unclear.
	if (raw.includes('?') || rest.some((token) => HEDGE_WORDS.has(token) || contradicts(keyword.intent, token))) {
		return { ...UNKNOWN, ...(keyword.language ? { language: keyword.language } : {}) };
	}
	return result;
}

function contradicts(intent: ReplyIntent, token: string): boolean {
	const other = KEYWORDS.get(token);
	return other !== undefined && !other.aloneOnly && other.intent !== intent && other.intent !== 'help';
}
