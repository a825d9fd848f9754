export { SEND_STATUSES, type SendStatus, type TraceStep } from './status';
export { attemptKey, buildIdempotencyKey, type IdempotencyParts } from './idempotency';
export { MAX_ATTEMPTS, claimAttempt, type ClaimOutcome } from './claim';
export { quietHoursDecision, type QuietHoursDecision, type QuietHoursRules } from './quiet-hours';
export { capReleaseTime, checkCap, overCap, windowStart, type FrequencyCap } from './frequency-cap';
export { WHATSAPP_WINDOW_HOURS, consentBlocker, isConsentReason, isOptOutReason, whatsAppWindowOpen } from './consent';
export { appendDecision, runFallback, type Attempt, type AttemptRecord, type Blockers, type FallbackDeps, type FallbackResult } from './fallback';
export { runConcurrently, type ConcurrentRun } from './pool';
export { PendingWrites } from './pending-writes';
