/**
 * What the Visit and Journey Event Triggers tell n8n about their URLs, shaped so that n8n 2.x needs
 * no expression for a request when the user's parameters hold none:
 *  - the path is the editor's template `={{$parameter["path"]}}` plus a native resolver for it
 *    (n8n-workflow's webhookDescriptionFields), which n8n's backend uses instead of its expression
 *    engine whenever the node's parameters are static;
 *  - from typeVersion 2 on: n8n evaluates `$parameter["options"]["binaryData"]` with the engine for
 *    every request to a typeVersion 1 webhook node (webhook-helpers.js, parseRequestBody).
 * With N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true n8n then builds no expression isolate for the
 * request at all (without it, n8n takes one for any trigger that is not its own Webhook node).
 */
import { webhookDescriptionFields, type INodeParameters, type IWebhookDescription, type WEBHOOK_RESOLVERS } from 'n8n-workflow';

/** Every version the triggers accept; new nodes get the last. Versions differ only as above. */
export const TRIGGER_VERSIONS = [1, 2];
export const TRIGGER_DEFAULT_VERSION = 2;

/** The `path` field of a webhook description: the node's Path parameter, then `/suffix` if given. */
export function pathField(suffix = ''): Pick<IWebhookDescription, 'path' | typeof WEBHOOK_RESOLVERS> {
	const resolve = (parameters: INodeParameters) => (suffix ? `${String(parameters.path ?? '')}/${suffix}` : parameters.path);
	return webhookDescriptionFields({ path: { template: suffix ? `={{$parameter["path"]}}/${suffix}` : '={{$parameter["path"]}}', resolve } });
}
