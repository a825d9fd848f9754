/**
 * The node of an n8n context, read once per context: n8n-core's getNode() returns a deep copy of
 * the node on every call, which cost a trigger one copy per parameter read and the send node one
 * per item. Nothing here changes the node.
 */
import type { INode } from 'n8n-workflow';

const nodes = new WeakMap<object, INode>();

export function nodeOf(ctx: { getNode(): INode }): INode {
	let node = nodes.get(ctx);
	if (!node) {
		node = ctx.getNode();
		nodes.set(ctx, node);
	}
	return node;
}
