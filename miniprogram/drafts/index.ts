/** Offline report drafts: kept on the device until the server confirms, retried with one idempotency key. */
export { hasContent, newDraft, newIdempotencyKey, type DraftEstate, type DraftLocation, type DraftPhoto, type DraftStatus, type LocationSource, type ReportDraft } from './draft';
export { clearDraft, DRAFT_STORAGE_KEY, loadDraft, saveDraft } from './storage';
export { isSending, sendDraft, submitInput, validateDraft, type SendHooks, type SendOutcome } from './send';
export { onConnectivityBack, sendPendingDraft } from './retry';
