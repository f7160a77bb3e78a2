/**
 * Options → Simplify: a record as a model (or a person skimming it) needs it. Keeps every field that holds
 * a value (ids, names, e-mail, phone, stage, owner, dates, custom fields with a value) and drops:
 * - empty values: null, undefined, blank text, empty lists and objects (at any depth);
 * - LeadSquared's bookkeeping: auto-numbers, who-modified ids, visit counters, first/last activity
 *   pointers, session and tracking data, flags only its own UI reads (BOOKKEEPING, per record kind).
 * Values themselves are never changed; booleans and zeros are values and stay.
 */

export type SimplifyKind =
	| 'lead'
	| 'activity'
	| 'task'
	| 'opportunity'
	| 'note'
	| 'user'
	| 'account'
	| 'accountActivity'
	| 'salesActivity'
	| 'list'
	| 'discovery';

/** Bookkeeping every kind drops: who last changed a record by id (the name stays), auto-numbers, deletion state. */
const COMMON = ['ModifiedBy', 'CreatedBy', 'DeletionStatusCode', 'CanUpdate', 'CanDelete', 'RowNumber'];

const BOOKKEEPING: Record<SimplifyKind, readonly string[]> = {
	lead: [
		'ProspectAutoId',
		'IsLead',
		'IsStarredLead',
		'IsTaggedLead',
		'IsPrimaryContact',
		'Origin',
		'TotalVisits',
		'PageViewsPerVisit',
		'AvgTimePerVisit',
		'LastVisitDate',
		'SourceIPAddress',
		'SourceReferrer',
		'SourceReferrerURL',
		'RelatedLandingPageId',
		'FirstLandingPageSubmissionId',
		'FirstLandingPageSubmissionDate',
		'LeadLastModifiedOn',
		'LastModifiedOn',
		'StatusReason',
		'NotableEvent',
		'NotableEventdate',
		'QualityScore01',
		'ProspectActivityId_Min',
		'ProspectActivityId_Max',
		'ProspectActivityName_Min',
		'ProspectActivityName_Max',
		'ProspectActivityDate_Min',
		'ProspectActivityDate_Max',
		'ModifiedByName',
	],
	activity: ['SessionId', 'TrackLocation', 'Latitude', 'Longitude', 'IsEmailType'],
	task: ['UserTaskAutoId', 'ModifiedByName', 'NotifyBy', 'ReminderBeforeDays'],
	opportunity: ['ProspectOpportunityAutoId', 'mx_Custom_Auto_Id'],
	note: ['ModifiedByName'],
	user: [
		'OrgId',
		'DateFormat',
		'TelephonyAgentId',
		'IsCheckedIn',
		'LastCheckedOn',
		'LastCheckedIpAddress',
		'AvailabilityStatus',
		'Tag',
		'UserType',
		'AssociatedPhoneNumbers',
	],
	account: ['CompanyAutoId'],
	accountActivity: ['ModifiedByName'],
	salesActivity: ['DefaultCurrencySymbol', 'DefaultCurrencyName'],
	list: [],
	discovery: [],
};

function isEmpty(value: unknown): boolean {
	if (value === null || value === undefined) return true;
	if (typeof value === 'string') return value.trim() === '';
	if (Array.isArray(value)) return value.length === 0;
	if (typeof value === 'object' && !(value instanceof Date)) return Object.keys(value).length === 0;
	return false;
}

function compact(value: unknown, drop: ReadonlySet<string>): unknown {
	if (Array.isArray(value)) return value.map((entry) => compact(entry, drop)).filter((entry) => !isEmpty(entry));
	if (value && typeof value === 'object' && !(value instanceof Date)) {
		const kept: Record<string, unknown> = {};
		for (const [key, entry] of Object.entries(value)) {
			if (drop.has(key)) continue;
			const simplified = compact(entry, drop);
			if (!isEmpty(simplified)) kept[key] = simplified;
		}
		return kept;
	}
	return value;
}

/** The record with empty and bookkeeping fields dropped (a new object; the input is not changed). */
export function simplifyRecord<T extends object>(record: T, kind: SimplifyKind): Partial<T> {
	const drop = new Set([...COMMON, ...BOOKKEEPING[kind]]);
	return compact(record, drop) as Partial<T>;
}
