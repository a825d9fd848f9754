import type { FieldIssue } from '../http';
import type { EngagementDraft } from './types';

export type ParseResult =
	| { kind: 'drafts'; drafts: EngagementDraft[] }
	| { kind: 'ignored'; reason: string }
	| { kind: 'invalid'; fields: FieldIssue[] };

export const invalid = (field: string, message: string): ParseResult => ({ kind: 'invalid', fields: [{ field, message }] });

export const ID_PATTERN = /^[\w.:=+/-]{1,200}$/;
