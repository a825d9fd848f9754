/** GSM 03.38 basic character set (default alphabet), one septet each. ESC (0x1B) is excluded: it only introduces extension characters. */
const BASIC =
	'@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
	'¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

/** Extension table characters, sent as ESC + char: two septets each. */
const EXTENSION = '\f^{}\\[~]|€';

const septets = new Map<string, number>();
for (const char of BASIC) septets.set(char, 1);
for (const char of EXTENSION) septets.set(char, 2);

/** Septets needed for one character (a code point), or undefined when GSM-7 cannot encode it. */
export function gsmSeptets(char: string): number | undefined {
	return septets.get(char);
}
