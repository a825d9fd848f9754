// Builds importable n8n workflow JSON from short specs (specs/*.cjs), so every workflow in
// workflows/ has stable IDs, a tidy left-to-right layout and no hand-edited connection lists.
// `node scripts/workflows/build.cjs` writes workflows/*.json; a test checks they are current.
const { createHash } = require('node:crypto');

const PACKAGE = 'n8n-nodes-customer-journey';
/** Nodes with more than one typeVersion: new workflows use the last (nodes/shared/trigger-webhooks.ts). */
const LATEST_VERSION = { visitTrigger: 2, journeyEventTrigger: 2 };

/** A UUID-shaped ID derived from a seed, so regenerating a workflow never changes its IDs. */
function stableId(seed) {
	const hex = createHash('sha256').update(seed).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

class WorkflowBuilder {
	constructor({ id, name, description, timezone = 'Europe/Warsaw', tags = [] }) {
		this.id = id;
		this.name = name;
		this.description = description;
		this.timezone = timezone;
		this.tags = tags;
		this.nodes = [];
		this.edges = [];
		this.notes = [];
	}

	/** One of this package's nodes (`type` is its node name, e.g. 'quietHoursDelay'). */
	journey(name, type, parameters = {}, extra = {}) {
		return this.node(name, `${PACKAGE}.${type}`, parameters, { typeVersion: LATEST_VERSION[type] ?? 1, ...extra });
	}

	/** A stock n8n node, e.g. base('Notify staff', 'noOp', 1). */
	base(name, type, typeVersion, parameters = {}, extra = {}) {
		return this.node(name, `n8n-nodes-base.${type}`, parameters, { typeVersion, ...extra });
	}

	node(name, type, parameters, extra) {
		if (this.nodes.some((node) => node.name === name)) throw new Error(`${this.id}: duplicate node name "${name}"`);
		const node = { parameters, id: stableId(`${this.id}/${name}`), name, type, typeVersion: extra.typeVersion, position: [0, 0] };
		if (extra.webhook) node.webhookId = stableId(`${this.id}/${name}/webhook`);
		if (extra.credentials) node.credentials = extra.credentials;
		if (extra.notes) node.notes = extra.notes;
		if (extra.onError) node.onError = extra.onError;
		this.nodes.push(node);
		return name;
	}

	/** from's output `output` (0-based) feeds to's input 0. */
	connect(from, to, output = 0) {
		this.edges.push({ from, to, output });
		return to;
	}

	/** Connects a chain of nodes on output 0 of each. */
	chain(...names) {
		for (let i = 1; i < names.length; i++) this.connect(names[i - 1], names[i]);
		return names[names.length - 1];
	}

	note(title, text, { width = 420, height = 260, near } = {}) {
		this.notes.push({ title, text, width, height, near });
	}

	/**
	 * Left to right by longest path from a trigger; later outputs open new lanes below. A node that
	 * only loops back to its parent (a send's "wait for the send window") sits just under it.
	 */
	layout() {
		const depth = new Map();
		const lane = new Map();
		const loopsBack = (name) => {
			const incoming = this.edges.filter((edge) => edge.to === name);
			return incoming.length === 1 && this.edges.some((edge) => edge.from === name && edge.to === incoming[0].from);
		};
		const roots = this.nodes.filter((node) => !this.edges.some((edge) => edge.to === node.name));
		const forward = (name) => this.edges.filter((edge) => edge.from === name && !loopsBack(edge.to)).sort((a, b) => a.output - b.output);
		const onPath = new Set();
		const visit = (name, d) => {
			if (onPath.has(name) || (depth.has(name) && depth.get(name) >= d)) return;
			depth.set(name, d);
			onPath.add(name);
			for (const edge of forward(name)) visit(edge.to, d + 1);
			onPath.delete(name);
		};
		for (const root of roots) visit(root.name, 0);
		// Lanes breadth-first, so a branch taken early sits close to the main line.
		let nextLane = -1;
		const queue = roots.map((root) => root.name);
		for (const root of queue) lane.set(root, ++nextLane);
		while (queue.length) {
			const name = queue.shift();
			forward(name).forEach((edge, index) => {
				if (lane.has(edge.to) || onPath.has(edge.to)) return;
				lane.set(edge.to, index === 0 ? lane.get(name) : ++nextLane);
				queue.push(edge.to);
			});
		}
		for (const node of this.nodes) {
			const parent = loopsBack(node.name) ? this.edges.find((edge) => edge.to === node.name).from : undefined;
			node.position = parent
				? [(depth.get(parent) ?? 0) * 280, (lane.get(parent) ?? 0) * 320 + 160]
				: [(depth.get(node.name) ?? 0) * 280, (lane.get(node.name) ?? 0) * 320];
		}
	}

	toJSON() {
		this.layout();
		const connections = {};
		for (const edge of this.edges) {
			const outputs = (connections[edge.from] ??= { main: [] }).main;
			while (outputs.length <= edge.output) outputs.push([]);
			outputs[edge.output].push({ node: edge.to, type: 'main', index: 0 });
		}
		const stickies = this.notes.map((note, index) => {
			const anchor = note.near ? this.nodes.find((node) => node.name === note.near) : undefined;
			const [x, y] = anchor ? [anchor.position[0] - 40, anchor.position[1] - note.height - 40] : [-520, index * (note.height + 40) - 120];
			return {
				parameters: { content: `## ${note.title}\n${note.text}`, height: note.height, width: note.width },
				id: stableId(`${this.id}/note/${note.title}`),
				name: `Note: ${note.title}`,
				type: 'n8n-nodes-base.stickyNote',
				typeVersion: 1,
				position: [x, y],
			};
		});
		return {
			id: this.id,
			name: this.name,
			nodes: [...this.nodes, ...stickies],
			connections,
			settings: { executionOrder: 'v1', timezone: this.timezone, saveManualExecutions: true, callerPolicy: 'workflowsFromSameOwner' },
			staticData: null,
			meta: { templateCredsSetupCompleted: true, description: this.description },
			pinData: {},
			active: false,
			tags: [],
		};
	}
}

module.exports = { WorkflowBuilder, stableId, PACKAGE };
