/** Webhook ingestion for the triggers: signatures, payload normalisers, validation, store application. Pure: no n8n. */
export * from './body';
export * from './engagement';
export * from './http';
export { getPath, parseJsonPath } from './json-path';
export * from './recall';
export * from './signatures';
export * from './visit';
