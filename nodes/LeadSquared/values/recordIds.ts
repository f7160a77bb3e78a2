/**
 * Lead, list and account ids as the operations that name a record by its id read them: LeadSquared's ids are
 * GUIDs (a lead's ProspectID, a list's ListId, an account's CompanyId), so anything else (an e-mail address, a ProspectAutoId such as
 * 1016, an empty expression) is refused before any call, with a message naming the parameter and the value.
 * Pure: no n8n imports.
 */
import { InputError } from '../machinery/errors';
import { describeValue } from './values';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** For the editor's "By ID" modes (n8n's regex validation). */
export const GUID_PATTERN = '^\\s*[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\s*$';
export const EXAMPLE_GUID = '5d1c7f0e-2b7a-4c1e-9f0e-3a2b1c4d5e6f';

/** Whether a text is a GUID, the form of every LeadSquared record id (leads, lists, users). */
export function isGuid(text: string): boolean {
	return GUID.test(text.trim());
}

export type RecordKind = 'lead' | 'list' | 'account';

const WHAT: Record<RecordKind, { label: string; name: string; hint: string }> = {
	lead: {
		label: 'Lead ID',
		name: 'leadId',
		hint:
			"It is the lead's ProspectID, e.g. {{ $json.leadId }} after Lead → Create or Update, or {{ $json.ProspectID }} after Lead → Get",
	},
	list: {
		label: 'List',
		name: 'list',
		hint: 'Choose the list from the list, or enter its ListId (LeadSquared shows it in the list\'s URL; Lists.Get returns it)',
	},
	account: {
		label: 'Account ID',
		name: 'accountId',
		hint: "It is the account's CompanyId, e.g. {{ $json.accountId }} after Account → Create, or {{ $json.CompanyId }} after Account → Get Many",
	},
};

/** The id, trimmed; an InputError naming the parameter for anything that is not a GUID. */
export function checkRecordId(raw: unknown, kind: RecordKind): string {
	const { label, name, hint } = WHAT[kind];
	const text = typeof raw === 'string' ? raw.trim() : typeof raw === 'number' ? String(raw) : undefined;
	if (text === undefined || text === '') {
		throw new InputError(
			raw === undefined || raw === null ? `${label} is empty (${describeValue(raw)})` : `${label} is ${text === '' ? 'empty' : describeValue(raw)}`,
			name,
			`${hint}. When it comes from an expression, check that the expression gives an id for every item.`,
		);
	}
	if (GUID.test(text)) return text;
	let why = `LeadSquared ${kind} IDs are GUIDs such as ${EXAMPLE_GUID}`;
	if (kind === 'lead' && text.includes('@')) why = `${why}. To find a lead by its e-mail address, use Lead → Get first`;
	else if (kind === 'lead' && /^\d+$/.test(text)) why = `${why}; a number like this is the lead's ProspectAutoId, not its ID`;
	throw new InputError(`${label} ${describeValue(raw)} is not a LeadSquared ${kind} ID`, name, `${why}. ${hint}.`);
}

/** The scheduler key of a record: items writing the same record never run at once. */
export function recordKey(kind: RecordKind, id: string): string {
	return `${kind}:${id.trim().toLowerCase()}`;
}
