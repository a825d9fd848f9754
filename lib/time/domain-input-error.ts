/** Thrown when caller input is unusable; `field` names the offending input so a node can point at it. */
export class DomainInputError extends Error {
	readonly field: string;

	constructor(field: string, message: string) {
		super(`${field}: ${message}`);
		this.name = 'DomainInputError';
		this.field = field;
	}
}
