// Copies what tsc does not emit into dist/: node and credential icons and the codex files
// (*.node.json). encoding: false keeps binary icons byte-identical under gulp 5.
const { src, dest } = require('gulp');

function copyAssets() {
	return src(['nodes/**/*.{svg,png,node.json}', 'credentials/**/*.{svg,png}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports.build = copyAssets;
exports.default = copyAssets;
