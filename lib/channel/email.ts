export type EmailResult = { email: string } | { error: string };

const MAX_LENGTH = 254;
const MAX_LOCAL = 64;
// Unquoted local parts only (RFC 5322 dot-atom), letters of any script allowed (RFC 6531).
const LOCAL_CHAR = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~.-]$/u;
const LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
const TOP_LEVEL = /^(?:\p{L}{2,63}|xn--[a-z0-9-]{1,59})$/u;

/** A deliverable-looking address, domain lower-cased, or why not. Syntax only: no DNS lookups. */
export function normalizeEmail(raw: unknown): EmailResult {
	if (typeof raw !== 'string' || raw.trim() === '') return { error: 'no email address' };
	const text = raw.trim();
	if (text.length > MAX_LENGTH) return { error: `longer than ${MAX_LENGTH} characters` };
	if (/\s/u.test(text)) return { error: 'contains whitespace' };
	const at = text.indexOf('@');
	if (at < 0) return { error: 'missing @' };
	if (text.indexOf('@', at + 1) >= 0) return { error: 'more than one @' };
	const local = text.slice(0, at);
	const domain = text.slice(at + 1).toLowerCase();
	const localProblem = checkLocal(local);
	if (localProblem) return { error: localProblem };
	const domainProblem = checkDomain(domain);
	if (domainProblem) return { error: domainProblem };
	return { email: `${local}@${domain}` };
}

export function validateEmail(raw: unknown): boolean {
	return 'email' in normalizeEmail(raw);
}

function checkLocal(local: string): string | undefined {
	if (local.length === 0) return 'nothing before @';
	if (local.length > MAX_LOCAL) return `more than ${MAX_LOCAL} characters before @`;
	if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return 'misplaced dot before @';
	for (const char of local) if (!LOCAL_CHAR.test(char)) return `character ${JSON.stringify(char)} not allowed before @`;
	return undefined;
}

function checkDomain(domain: string): string | undefined {
	if (domain.length === 0) return 'nothing after @';
	const labels = domain.split('.');
	if (labels.length < 2) return 'domain has no dot';
	if (labels.some((label) => !LABEL.test(label))) return `invalid domain ${JSON.stringify(domain)}`;
	if (!TOP_LEVEL.test(labels[labels.length - 1])) return `invalid top-level domain in ${JSON.stringify(domain)}`;
	return undefined;
}
