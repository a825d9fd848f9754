export type JourneyStoreErrorCode = 'CONFIG' | 'INVALID_INPUT' | 'NOT_FOUND' | 'UNAVAILABLE';

export class JourneyStoreError extends Error {
	constructor(
		readonly code: JourneyStoreErrorCode,
		message: string,
	) {
		super(message);
		this.name = 'JourneyStoreError';
	}
}

export const configError = (message: string) => new JourneyStoreError('CONFIG', `Journey Store: ${message}`);
export const inputError = (message: string) => new JourneyStoreError('INVALID_INPUT', `Journey Store: ${message}`);
export const notFoundError = (message: string) => new JourneyStoreError('NOT_FOUND', `Journey Store: ${message}`);
export const unavailableError = (message: string) => new JourneyStoreError('UNAVAILABLE', `Journey Store: ${message}`);

/** Removes every occurrence of the secrets from a text meant for users or logs. */
export function redact(text: string, secrets: ReadonlyArray<string | undefined>): string {
	let out = text;
	for (const secret of secrets) {
		if (secret) out = out.split(secret).join('***');
	}
	return out;
}
