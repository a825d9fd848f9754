/** Arbitraries for the webhook fuzz tests: random and mutated payloads, headers and signatures. */
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';

const PAYLOADS = path.join(__dirname, '../../fixtures/triggers/payloads');

export const jsonPayloads = fs
	.readdirSync(PAYLOADS)
	.filter((name) => name.endsWith('.json'))
	.map((name) => JSON.parse(fs.readFileSync(path.join(PAYLOADS, name), 'utf8')) as unknown);

export const formPayloads = fs
	.readdirSync(PAYLOADS)
	.filter((name) => name.endsWith('.txt'))
	.map((name) => fs.readFileSync(path.join(PAYLOADS, name), 'utf8').trim());

/** Values that break naive code: wrong types, huge numbers, odd strings, dates that are not. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
	fc.constantFrom(null, true, false, 0, -1, 1e308, Number.MAX_SAFE_INTEGER, '', ' ', '2027-02-30T10:00:00Z', '2027-04-15T25:00:00', 'Europe/Atlantis', '__proto__', 'constructor', '+48', '😀', '\u0000', 'x'.repeat(600)),
	fc.string(),
	fc.integer(),
	fc.double(),
	fc.array(fc.string(), { maxLength: 3 }),
	fc.dictionary(fc.string({ maxLength: 8 }), fc.string(), { maxKeys: 3 }),
);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a value inside a JSON tree. */
function paths(value: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
	if (value === null || typeof value !== 'object') return [prefix];
	const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
	return [prefix, ...entries.flatMap(([key, child]) => paths(child, [...prefix, key]))];
}

function mutateAt(root: Json, at: Array<string | number>, action: 'delete' | 'replace', replacement: unknown): Json {
	const copy = structuredClone(root) as Json;
	if (at.length === 0) return (action === 'delete' ? {} : replacement) as Json;
	let parent = copy as Record<string | number, unknown>;
	for (const key of at.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
	const last = at[at.length - 1];
	if (action === 'delete') {
		if (Array.isArray(parent)) parent.splice(Number(last), 1);
		else delete parent[last];
	} else parent[last] = replacement;
	return copy;
}

/** A real payload with 1–4 fields deleted or replaced by nasty values. */
export const mutatedPayload: fc.Arbitrary<unknown> = fc
	.tuple(fc.constantFrom(...jsonPayloads), fc.array(fc.tuple(fc.nat(), fc.constantFrom('delete' as const, 'replace' as const), nastyValue), { minLength: 1, maxLength: 4 }))
	.map(([payload, mutations]) =>
		mutations.reduce<Json>((current, [pick, action, value]) => {
			const all = paths(current);
			return mutateAt(current, all[pick % all.length], action, value);
		}, payload as Json),
	);

/** Bytes that are rarely JSON and sometimes almost JSON. */
export const randomBody: fc.Arbitrary<Buffer> = fc.oneof(
	fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
	fc.string({ maxLength: 300 }).map((text) => Buffer.from(text)),
	fc.json({ maxDepth: 3 }).map((text) => Buffer.from(text)),
	mutatedPayload.map((value) => Buffer.from(JSON.stringify(value))),
);

const hex64 = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 });

/** Header values a sender (or an attacker) might put in a signature header. */
export const signatureLike: fc.Arbitrary<string | undefined> = fc.oneof(
	fc.constant(undefined),
	fc.string({ maxLength: 120 }),
	hex64,
	fc.tuple(fc.integer(), hex64).map(([t, v]) => `t=${t},v1=${v}`),
	fc.base64String({ minLength: 28, maxLength: 28 }),
	hex64.map((hex) => `sha256=${hex}`),
);
