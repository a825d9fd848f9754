/**
 * The tracking secret, the same in every n8n process without any setup:
 * 1. JOURNEY_TRACKING_SECRET (explicit), else
 * 2. derived from n8n's encryption key: N8N_ENCRYPTION_KEY (or N8N_ENCRYPTION_KEY_FILE), else the
 *    key n8n keeps in {N8N_USER_FOLDER or home}/.n8n/config.
 * The derivation is an HMAC, so the encryption key itself is never used or exposed as the secret.
 * Queue mode already requires the same encryption key on every process, so tokens verify anywhere.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHmac } from 'node:crypto';

export const TRACKING_SECRET_ENV = 'JOURNEY_TRACKING_SECRET';

export type Env = Record<string, string | undefined>;

export function deriveTrackingSecret(encryptionKey: string): string {
	return createHmac('sha256', encryptionKey).update('n8n-nodes-customer-journey:tracking:v1').digest('hex');
}

export interface ResolvedSecret {
	secret: string;
	source: 'JOURNEY_TRACKING_SECRET' | 'N8N_ENCRYPTION_KEY' | 'n8n config file';
}

export function resolveTrackingSecret(env: Env = process.env, readFile: (file: string) => string = (file) => fs.readFileSync(file, 'utf8')): ResolvedSecret {
	const explicit = env[TRACKING_SECRET_ENV]?.trim();
	if (explicit) {
		if (explicit.length < 16) throw new Error(`${TRACKING_SECRET_ENV} must be at least 16 characters`);
		return { secret: explicit, source: 'JOURNEY_TRACKING_SECRET' };
	}
	const fromEnv = env.N8N_ENCRYPTION_KEY?.trim() || readOptional(env.N8N_ENCRYPTION_KEY_FILE, readFile)?.trim();
	if (fromEnv) return { secret: deriveTrackingSecret(fromEnv), source: 'N8N_ENCRYPTION_KEY' };
	const configFile = path.join(env.N8N_USER_FOLDER?.trim() || os.homedir(), '.n8n', 'config');
	const config = readOptional(configFile, readFile);
	if (config) {
		try {
			const key = (JSON.parse(config) as { encryptionKey?: unknown }).encryptionKey;
			if (typeof key === 'string' && key) return { secret: deriveTrackingSecret(key), source: 'n8n config file' };
		} catch {
			// not JSON: fall through to the error below
		}
	}
	throw new Error(
		`tracking: no secret to sign links with. Set ${TRACKING_SECRET_ENV} (16+ characters) or N8N_ENCRYPTION_KEY on every n8n process`,
	);
}

function readOptional(file: string | undefined, readFile: (file: string) => string): string | undefined {
	if (!file) return undefined;
	try {
		return readFile(file);
	} catch {
		return undefined;
	}
}
