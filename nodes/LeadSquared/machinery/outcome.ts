/**
 * A write whose outcome is unknown: LeadSquared may have applied it, but its answer was lost (cut off,
 * malformed, a timeout or reset after sending, a 5xx). Sending it again could make a second record, so the
 * item fails; its message says what may already exist and which read shows it, with the item's own key,
 * so that a person or a model can check before running the item again. Each write operation says what it
 * writes (a WriteCheck); the engine adds the sentence. Pure: no n8n imports.
 */
import type { Failure } from './errors';

/** What a write does to its record: it makes one (`create`), or changes one. */
export type WriteChange = 'create' | 'update' | 'delete' | 'cancel' | 'complete' | 'send' | 'owner' | 'stage' | 'add' | 'remove';

export interface WriteCheck {
	/** What the write makes or changes, as users name it: 'note', 'lead', 'sales activity'. */
	record: string;
	change: WriteChange;
	/** The read that shows whether the write went through, as the node names it: 'Note → Get Many'. */
	read: string;
	/** What to give that read, with the item's value where it has one: 'Lead ID "5d1c…"'. */
	key: string;
	/**
	 * For a write LeadSquared recognises when it comes again (an upsert matched by e-mail, phone or
	 * SearchBy): why repeating it is safe, e.g. 'LeadSquared matches it by EmailAddress and updates the same lead'.
	 */
	safeRepeat?: string;
}

interface Wording {
	subject: (record: string) => string;
	state: string;
	redo: string;
}

const EXISTS = 'may already exist';
const APPLIED = 'may already have been applied';

const WORDING: Record<WriteChange, Wording> = {
	create: { subject: (record) => `The ${record}`, state: EXISTS, redo: 'creating it' },
	update: { subject: (record) => `The ${record} update`, state: APPLIED, redo: 'updating it' },
	delete: { subject: (record) => `The ${record} deletion`, state: APPLIED, redo: 'deleting it' },
	cancel: { subject: (record) => `The ${record} cancellation`, state: APPLIED, redo: 'cancelling it' },
	complete: { subject: (record) => `The ${record} completion`, state: APPLIED, redo: 'completing it' },
	send: { subject: (record) => `The ${record}`, state: `may already have been sent, so it ${EXISTS}`, redo: 'sending it' },
	owner: { subject: (record) => `The ${record} owner change`, state: APPLIED, redo: 'changing it' },
	stage: { subject: (record) => `The ${record} stage change`, state: APPLIED, redo: 'changing it' },
	add: { subject: (record) => `The addition of the ${record} to the list`, state: APPLIED, redo: 'adding it' },
	remove: { subject: (record) => `The removal of the ${record} from the list`, state: APPLIED, redo: 'removing it' },
};

/** Longest item value quoted in a key (longer ones are cut, the message stays brief). */
const MAX_VALUE = 80;

/** `label "value"` for a key, the value cut to a readable length; just the label when there is no value. */
export function keyOf(label: string, value?: string): string {
	const text = value?.trim() ?? '';
	if (text === '') return label;
	return `${label} "${text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text}"`;
}

/**
 * Whether a failure of a call that writes leaves its outcome unknown: the call may have reached LeadSquared
 * (no proof it did not) and no answer says whether it was applied. Refusals, rate limits past the wait,
 * auth errors, redirects and calls that never left (connection refused, DNS) are known not to have applied.
 */
export function outcomeUnknown(failure: Failure): boolean {
	if (failure.notSent === true) return false;
	if (failure.kind === 'transient') return true;
	return failure.kind === 'unexpected' && failure.httpCode !== undefined && failure.httpCode >= 200 && failure.httpCode < 300;
}

/** What the sentence says when the operation did not describe its write. */
const GENERIC = 'The record may already exist, or the change may already have been applied: check in LeadSquared before running the item again';

/**
 * The sentence a write whose outcome is unknown adds to its message, e.g. `The note may already exist: check
 * with Note → Get Many (Lead ID "…") before creating it again.`
 */
export function unknownOutcomeSentence(check?: WriteCheck): string {
	if (check === undefined) return `${GENERIC}.`;
	const wording = WORDING[check.change];
	const subject = wording.subject(check.record);
	const read = `check with ${check.read} (${check.key})`;
	if (check.safeRepeat !== undefined) {
		return `${subject} ${wording.state}, but running the item again is safe: ${check.safeRepeat}. To see it, ${read}.`;
	}
	return `${subject} ${wording.state}: ${read} before ${wording.redo} again.`;
}

/** The failure with the unknown-outcome sentence appended to its message (once), when its outcome is unknown. */
export function explainUnknownOutcome(failure: Failure, check?: WriteCheck): Failure {
	if (failure.unknownOutcome !== true) return failure;
	const sentence = unknownOutcomeSentence(check);
	if (failure.message.includes(sentence)) return failure;
	const message = failure.message.trim().replace(/[.\s]+$/, '');
	return { ...failure, message: `${message}. ${sentence}` };
}
