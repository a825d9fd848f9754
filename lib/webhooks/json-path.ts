/**
 * A small JSON path: `booking.client.phone`, `attendees[0].email`, `data["first name"]`, with an
 * optional leading `$.`. Returns undefined when any step is missing; never evaluates code.
 */
const STEP = /(?:\.?([A-Za-z_$][\w$-]*)|\[\s*(\d+)\s*\]|\[\s*(["'])((?:\\.|(?!\3).)*)\3\s*\])/y;

export function parseJsonPath(path: string): Array<string | number> | null {
	const text = path.trim().replace(/^\$\.?/, '');
	if (!text) return [];
	const steps: Array<string | number> = [];
	STEP.lastIndex = 0;
	while (STEP.lastIndex < text.length) {
		const start = STEP.lastIndex;
		const m = STEP.exec(text);
		if (!m || STEP.lastIndex === start) return null;
		// After the first step a name needs its dot: "a b" and "a[0]b" are not paths.
		if (m[1] !== undefined && start > 0 && !m[0].startsWith('.')) return null;
		if (m[1] !== undefined) steps.push(m[1]);
		else if (m[2] !== undefined) steps.push(Number(m[2]));
		else steps.push(m[4].replace(/\\(.)/g, '$1'));
	}
	return steps;
}

export function getPath(value: unknown, steps: ReadonlyArray<string | number>): unknown {
	let current = value;
	for (const step of steps) {
		if (current === null || typeof current !== 'object') return undefined;
		if (typeof step === 'number') {
			if (!Array.isArray(current)) return undefined;
			current = current[step];
		} else {
			if (Array.isArray(current) || !Object.prototype.hasOwnProperty.call(current, step)) return undefined;
			current = (current as Record<string, unknown>)[step];
		}
	}
	return current;
}
