import type { AuthFailureReason } from '../http';

export type VerifyResult = { ok: true } | { ok: false; reason: AuthFailureReason };

export const verified: VerifyResult = { ok: true };
export const failed = (reason: AuthFailureReason): VerifyResult => ({ ok: false, reason });
