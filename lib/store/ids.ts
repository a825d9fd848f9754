import { randomBytes } from 'node:crypto';

let lastMs = 0;
let sequence = 0;

/** UUIDv7 (RFC 9562): time-ordered, with a 12-bit per-millisecond sequence so ids from one process sort in creation order. */
export function newId(): string {
	let ms = Date.now();
	if (ms > lastMs) {
		lastMs = ms;
		sequence = 0;
	} else if (++sequence > 0xfff) {
		lastMs += 1;
		sequence = 0;
	}
	ms = lastMs;
	const bytes = randomBytes(16);
	bytes.writeUIntBE(ms, 0, 6);
	bytes[6] = 0x70 | (sequence >> 8);
	bytes[7] = sequence & 0xff;
	bytes[8] = 0x80 | (bytes[8] & 0x3f);
	const hex = bytes.toString('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
