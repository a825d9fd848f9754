/**
 * Parameters are read for every item, but a parameter without any expression has the same value
 * for all items: it is read once (for the first item that asks) and reused. An expression that is
 * only a path into the item, like the defaults `={{ $json.contact.id }}`, is read straight from the
 * item's JSON (what n8n's evaluator returns for it); any other expression is evaluated per item by
 * n8n. With thousands of items this saves most of n8n's per-read work. Values are never mutated.
 */
import type { IExecuteFunctions, INodeParameters, NodeParameterValueType } from 'n8n-workflow';

import { nodeOf } from './node-of';

function hasExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(hasExpression);
	if (value && typeof value === 'object') return Object.values(value).some(hasExpression);
	return false;
}

const JSON_PATH = /^=\{\{\s*\$json((?:\.[A-Za-z_$][\w$]*)+)\s*\}\}$/;

/** The path of `={{ $json.a.b }}`, or undefined for any other value. */
function jsonPath(value: unknown): string[] | undefined {
	const match = typeof value === 'string' ? JSON_PATH.exec(value) : null;
	return match ? match[1].slice(1).split('.') : undefined;
}

function pick(json: unknown, path: string[]): unknown {
	let current = json;
	for (const part of path) {
		if (!current || typeof current !== 'object' || !Object.prototype.hasOwnProperty.call(current, part)) return undefined;
		current = (current as Record<string, unknown>)[part];
	}
	return current;
}

function rawValue(parameters: INodeParameters, path: string): unknown {
	let current: unknown = parameters;
	for (const part of path.split('.')) {
		if (!current || typeof current !== 'object') return undefined;
		current = (current as Record<string, unknown>)[part];
	}
	return current;
}

/** The same execution context, with getNodeParameter cached for expression-free parameters. */
export function withParameterCache(ctx: IExecuteFunctions): IExecuteFunctions {
	const node = nodeOf(ctx);
	const parameters = node.parameters;
	const items = ctx.getInputData();
	const constant = new Map<string, unknown>();
	const getNodeParameter = (name: string, itemIndex: number, fallback?: unknown, options?: unknown): unknown => {
		if (constant.has(name)) return constant.get(name);
		const read = () => (ctx.getNodeParameter as (...args: unknown[]) => NodeParameterValueType | object)(name, itemIndex, fallback, options);
		const raw = rawValue(parameters, name);
		const path = jsonPath(raw);
		if (path) {
			const value = pick(items[itemIndex]?.json, path);
			// Plain data only; anything else (dates, functions) goes through n8n as usual.
			return value === undefined || value === null || ['string', 'number', 'boolean'].includes(typeof value) ? value : read();
		}
		if (hasExpression(raw)) return read();
		const value = read();
		constant.set(name, value);
		return value;
	};
	const getNode = () => node;
	// Methods bound once, not on every access (the send node reads a few per item).
	const bound = new Map<PropertyKey, unknown>();
	return new Proxy(ctx, {
		get(target, key) {
			if (key === 'getNodeParameter') return getNodeParameter;
			if (key === 'getNode') return getNode;
			if (bound.has(key)) return bound.get(key);
			const value = Reflect.get(target, key, target) as unknown;
			if (typeof value !== 'function') return value;
			const method = (value as (...args: unknown[]) => unknown).bind(target);
			bound.set(key, method);
			return method;
		},
	});
}
