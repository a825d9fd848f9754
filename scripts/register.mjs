#!/usr/bin/env node
// Adds built paths to package.json's "n8n" section, e.g.
//   node scripts/register.mjs node dist/nodes/TagContact/TagContact.node.js
//   node scripts/register.mjs credential dist/credentials/JourneyStoreApi.credentials.js
// Idempotent, keeps the lists sorted, and rewrites the file in one write.
import fs from 'node:fs';
import path from 'node:path';

import lib from './lib.cjs';

const { main, root } = lib;

await main(() => {
	const [kind, ...paths] = process.argv.slice(2);
	const key = { node: 'nodes', credential: 'credentials' }[kind];
	if (!key || !paths.length) throw new Error('usage: register.mjs node|credential dist/…js [more…]');
	const file = path.join(root, 'package.json');
	const pkg = JSON.parse(fs.readFileSync(file, 'utf8'));
	for (const entry of paths) {
		if (!/^dist\/.+\.js$/.test(entry)) throw new Error(`${entry}: expected a dist/…js path`);
		const source = path.join(root, entry.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
		if (!fs.existsSync(source)) throw new Error(`${entry}: no source at ${path.relative(root, source)}`);
	}
	pkg.n8n[key] = [...new Set([...pkg.n8n[key], ...paths])].sort();
	fs.writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
	console.log(`package.json n8n.${key}: ${pkg.n8n[key].length} entries`);
});
