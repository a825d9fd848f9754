#!/usr/bin/env node
// Writes workflows/<name>.json from scripts/workflows/specs/<name>.cjs. `--check` only compares
// (the test suite runs it), so the committed JSON never drifts from its spec.
const fs = require('node:fs');
const path = require('node:path');

const specsDir = path.join(__dirname, 'specs');
const outDir = path.resolve(__dirname, '..', '..', 'workflows');

function buildAll() {
	return fs
		.readdirSync(specsDir)
		.filter((file) => file.endsWith('.cjs'))
		.sort()
		.map((file) => ({ file: file.replace(/\.cjs$/, '.json'), json: `${JSON.stringify(require(path.join(specsDir, file))(), null, '\t')}\n` }));
}

if (require.main === module) {
	const check = process.argv.includes('--check');
	fs.mkdirSync(outDir, { recursive: true });
	const stale = [];
	for (const { file, json } of buildAll()) {
		const target = path.join(outDir, file);
		const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
		if (current === json) continue;
		if (check) stale.push(file);
		else fs.writeFileSync(target, json);
	}
	if (stale.length) {
		console.error(`Out of date (run node scripts/workflows/build.cjs): ${stale.join(', ')}`);
		process.exit(1);
	}
}

module.exports = { buildAll, outDir };
