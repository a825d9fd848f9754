/**
 * Jest maps 'n8n-workflow' here: the pinned runtime's copy loaded by Node's own require (see
 * n8n-environment.js), the same instance n8n-core uses, so the engine and our nodes share one
 * n8n-workflow as inside n8n (`instanceof NodeOperationError` holds).
 */
if (!globalThis.__cjRuntimeRequire) {
	throw new Error('n8n-workflow is only available under the n8n jest environment (jest.config.js)');
}
module.exports = globalThis.__cjRuntimeRequire('n8n-workflow');
