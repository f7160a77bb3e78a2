/**
 * Which of the account's activity types are custom (postable through the API), system or opportunity types,
 * decided from what real answers carry (§12.1): `ActivityTypes.Get`'s `EventType` (2 = custom), the account's
 * opportunity types (`OpportunityManagement.svc/GetOpportunityTypes`), and code ranges where either is
 * missing. Also reads `GetOpportunityTypes`' answer, and tells an account without opportunities (404, a
 * "disabled" answer) from a failure. Pure: no n8n imports.
 */
import { eventCodeOf, isRecord, pick } from './types';
import type { ActivityTypeEntry } from './types';
import type { Failure } from '../../machinery/errors';

/**
 * The "By Code" validation of the type parameters: a code (digits, spaces around allowed) or nothing. n8n
 * checks it before running a workflow; empty must pass, as it does in "From List", where the type is
 * optional ("every type"); where it is required, n8n's required check and the node say so.
 */
export const TYPE_CODE_OR_EMPTY = '^\\s*(\\d+\\s*)?$';

export type ActivityTypeKind = 'custom' | 'system' | 'opportunity';

export interface ActivityTypeSummary extends ActivityTypeEntry {
	kind: ActivityTypeKind;
}

/** `EventType` of custom types [CODE 56037757482: "custom = EventType == 2"; 67007166726]. */
export const CUSTOM_EVENT_TYPE = 2;
/** Custom activity types are numbered from 200 [live 68297653413: "custom from 200 up"; 63418286132: 201–209]. */
export const FIRST_CUSTOM_CODE = 200;
/**
 * Codes from 3000 (3001 LeadAssigned, 3002 StageChange, the 3011 mirrors) are LeadSquared's own, seen only in
 * activity trails and refused by Webhook Create [live 63418286132]: without an EventType, codes from here up
 * to the opportunity range are taken as system types [INF: no custom code above 250 was ever seen].
 */
export const FIRST_SYSTEM_TRAIL_CODE = 3000;
/** Opportunity types are numbered from 12000 [DOC samples 12000–12003; live 68297653413: "Service" = 12000]. */
export const FIRST_OPPORTUNITY_CODE = 12000;

/** An opportunity type: its code (EventCode) and name. */
export interface OpportunityTypeSummary {
	code: number;
	name: string;
}

/** The account's opportunity types and where the list comes from. */
export interface OpportunityTypeList {
	types: OpportunityTypeSummary[];
	/**
	 * 'api': GetOpportunityTypes answered, the list is the account's own. 'activityTypes': GetOpportunityTypes
	 * is unavailable on this account (`unavailable` says why) and the list is ActivityTypes.Get's entries from
	 * code 12000 on, which may miss types or hold others: nothing is refused on its account.
	 */
	source: 'api' | 'activityTypes';
	unavailable?: string;
}

/**
 * The kind of one `ActivityTypes.Get` entry: an opportunity type when the account lists it as one or its code
 * is in the opportunity range; else custom when `EventType` is 2, system for any other `EventType`; without
 * an `EventType`, custom for codes 200–2999, system for the rest.
 */
export function kindOf(entry: ActivityTypeEntry, opportunityCodes: ReadonlySet<number>): ActivityTypeKind {
	if (opportunityCodes.has(entry.code) || entry.code >= FIRST_OPPORTUNITY_CODE) return 'opportunity';
	if (entry.eventType !== undefined) return entry.eventType === CUSTOM_EVENT_TYPE ? 'custom' : 'system';
	return entry.code >= FIRST_CUSTOM_CODE && entry.code < FIRST_SYSTEM_TRAIL_CODE ? 'custom' : 'system';
}

/** Every entry with its kind. */
export function classifyActivityTypes(entries: ActivityTypeEntry[], opportunities: OpportunityTypeList): ActivityTypeSummary[] {
	const codes = new Set(opportunities.types.map((type) => type.code));
	return entries.map((entry) => ({ ...entry, kind: kindOf(entry, codes) }));
}

/** The opportunity types among ActivityTypes.Get's entries (codes from 12000), for accounts where GetOpportunityTypes is unavailable. */
export function opportunityTypesAmong(entries: ActivityTypeEntry[], unavailable: string): OpportunityTypeList {
	const types = entries.filter((entry) => kindOf(entry, new Set()) === 'opportunity').map(({ code, name }) => ({ code, name }));
	return { types, source: 'activityTypes', unavailable };
}

function text(value: unknown): string {
	return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
}

const DISABLED = /disabled|not enabled|not activated|not available/i;

/**
 * `GetOpportunityTypes`' answer: a bare array of `{EventCode, Name, DisplayName, …}` [live 63267509605], also
 * read from `List`/`Message`/`Data`; `{unavailable}` for an answer saying opportunities are disabled [INF form];
 * undefined for anything else. Entries without a code are skipped.
 */
export function parseOpportunityTypes(raw: unknown): OpportunityTypeSummary[] | { unavailable: string } | undefined {
	const list = Array.isArray(raw) ? raw : isRecord(raw) ? ['List', 'Message', 'Data', 'OpportunityTypes'].map((key) => pick(raw, key)).find(Array.isArray) : undefined;
	if (!Array.isArray(list)) {
		const said = isRecord(raw) ? Object.values(raw).map(text).find((value) => DISABLED.test(value)) : typeof raw === 'string' && DISABLED.test(raw) ? raw : undefined;
		return said !== undefined ? { unavailable: `LeadSquared answered "${said.slice(0, 200)}"` } : undefined;
	}
	const types: OpportunityTypeSummary[] = [];
	for (const entry of list) {
		if (!isRecord(entry)) continue;
		const code = eventCodeOf(pick(entry, 'EventCode', 'OpportunityEventCode', 'Code', 'ActivityEvent'));
		if (code === undefined || types.some((type) => type.code === code)) continue;
		const name = text(pick(entry, 'DisplayName', 'Name', 'PluralName'));
		types.push({ code, name: name || `Opportunity type ${code}` });
	}
	return types;
}

/**
 * Why a failed GetOpportunityTypes call means "this account has no opportunity type list" rather than a
 * failure: HTTP 404 (the answer of accounts without opportunities [live 68297653413]), 403 (the keys' user may
 * not read it), or LeadSquared saying opportunities are disabled. Undefined for every other failure.
 */
export function unavailableReason(failure: Failure): string | undefined {
	if (failure.kind === 'notFound') return 'GetOpportunityTypes answered HTTP 404, as on accounts without opportunities';
	if (failure.kind === 'forbidden') return "the keys' user may not read GetOpportunityTypes (HTTP 403)";
	const said = [failure.exceptionMessage, failure.exceptionType].find((value) => value !== undefined && DISABLED.test(value));
	if (failure.kind === 'business' && said !== undefined) return `LeadSquared answered "${said}"`;
	return undefined;
}

/** The types as a short list for a message: `Admission (12000), Loan (12001)`. */
export function typeNames(types: Array<{ code: number; name: string }>, most = 10): string {
	const names = types.slice(0, most).map((type) => `${type.name} (${type.code})`);
	return types.length > most ? `${names.join(', ')}, ...` : names.join(', ');
}
