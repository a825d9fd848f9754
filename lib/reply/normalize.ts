const SHORT_I = '\uE000'; // placeholder keeping Russian й intact while marks are stripped
const SKIN_TONES = /[\u{1F3FB}-\u{1F3FF}]/gu;

/**
 * Case- and diacritic-insensitive form of a reply: lower case, NFKD without combining marks
 * (so ą→a, ę→e, Hebrew points vanish), ł→l, ё→е but й kept, format characters (RTL marks,
 * zero-width joiners) and emoji skin tones removed, letter runs of 3+ collapsed ("yesss" → "yes").
 */
export function foldText(text: string): string {
	return text
		.toLowerCase()
		.replace(/й/g, SHORT_I)
		.normalize('NFKD')
		.replace(/[\p{M}\p{Cf}]/gu, '')
		.replace(SKIN_TONES, '')
		.replace(/ł/g, 'l')
		.replace(/ё/g, 'е')
		.replace(new RegExp(SHORT_I, 'g'), 'й')
		.replace(/’/g, "'")
		.replace(/(\p{L})\1{2,}/gu, '$1');
}

/** Words (letters/digits, inner apostrophes) and single pictographic emoji, in order. */
export function tokenize(folded: string): string[] {
	return folded.match(/[\p{L}\p{N}]+(?:'[\p{L}]+)*|\p{Extended_Pictographic}/gu) ?? [];
}
