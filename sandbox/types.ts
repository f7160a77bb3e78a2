/**
 * Public types of the LeadSquared sandbox. Everything other code (tests, harness, demo) relies on
 * is declared here and re-exported from `sandbox/index.ts`.
 */
import type { ActivitySeed, ActivityTypeDefinition, SandboxRecords, TaskTypeDefinition, UserDefinition } from './crm-types';
import type { SandboxListener } from './events';
import type { AnswerForms } from './answer-forms';
import type { CrmExtraSandboxOptions, SandboxCrmExtraControls } from './crm-extra-types';
import type { SandboxWebhookControls, WebhookSandboxOptions } from './webhook-types';

/** DataType values as they appear in `LeadsMetaData.Get` (§2.1, §2.9, §6 of the contract). */
export type FieldDataType =
	| 'Text'
	| 'Email'
	| 'Phone'
	| 'Number'
	| 'Date'
	| 'DateTime'
	| 'Time'
	| 'Boolean'
	| 'Select'
	| 'Website'
	| 'CustomObject';

/** A sub-field of a custom field set (CFS), e.g. `mx_KYC` → `Status`, `mx_CustomObject_1`. */
export interface SubFieldDefinition {
	schemaName: string;
	displayName: string;
	dataType: FieldDataType;
	maxLength?: number;
	options?: string[];
}

/** One lead field of the emulated account. Rendered into the metadata objects of `LeadsMetaData.Get`. */
export interface FieldDefinition {
	schemaName: string;
	displayName: string;
	dataType: FieldDataType;
	/** Numeric RenderType; derived from the data type when absent. */
	renderType?: number;
	/** RenderTypeTextValue ('Textbox', 'Dropdown', ...); derived from the data type when absent. */
	renderTypeTextValue?: string;
	/** Maximum value length (rendered as a string, like the real metadata). */
	maxLength?: number;
	/** IsMandatory (on create). `SandboxOptions.mandatoryFields` adds to this. */
	mandatory?: boolean;
	/** Unique in the account: a value held by another lead is a MXDuplicateEntryException. Not rendered (no IsUnique key in the real metadata). */
	unique?: boolean;
	/** IsLeadIdentifier; defaults to `unique`. */
	leadIdentifier?: boolean;
	/** LockAfterCreate (0 = editable, 1/2 = locked after creation). */
	lockAfterCreate?: 0 | 1 | 2;
	/** Options of a Select (dropdown) field. */
	options?: Array<string | { value: string; text?: string }>;
	/** System-maintained (ProspectID, CreatedOn, ModifiedOn): accepted in payloads but never written. */
	readOnly?: boolean;
	/** Sub-fields of a CustomObject (CFS) field. */
	subFields?: SubFieldDefinition[];
	description?: string;
}

export type RateLimitAnswer = 429 | 403 | 200;

export interface RateLimitOptions {
	/** Calls allowed per window; 0 or Infinity = unlimited. */
	calls: number;
	windowMs: number;
	/** HTTP status of the rate-limit envelope; default 429. */
	answer?: RateLimitAnswer;
	/** Whether rejected calls also fill the window; default false. */
	countRejected?: boolean;
}

export interface SandboxOptions extends WebhookSandboxOptions, CrmExtraSandboxOptions {
	/** Default 0 = a random free port. The server always binds 127.0.0.1. */
	port?: number;
	accessKey?: string;
	secretKey?: string;
	/** The account's home API host (reported by UserByAccessKey.Get). */
	accountHost?: string;
	/** The regional host this server pretends to be; when it differs from accountHost every call except UserByAccessKey.Get answers 401. */
	servedHost?: string;
	/** Lead field metadata; default `defaultFields()`. */
	fields?: FieldDefinition[];
	/** Schema names mandatory on create (IsMandatory); default ['LastName']. */
	mandatoryFields?: string[];
	/** Seed leads (flat attribute maps); ProspectID, ProspectAutoId, CreatedOn, ModifiedOn generated when missing. */
	leads?: Array<Record<string, string>>;
	rateLimit?: RateLimitOptions;
	/** Separate bucket for `Lead/Bulk/*`. */
	bulkRateLimit?: RateLimitOptions;
	/** HTTP status of MX business errors (the envelope is the same); default 500. */
	mxErrorStatus?: 500 | 200;
	/** [INF] Fields deciding the match when no SearchBy is given: the first one with a non-empty payload value wins. */
	defaultMatchKeys?: string[];
	/** [INF] SearchBy on a non-unique field with several hits: update the most recently modified lead, or fail. */
	onMultipleMatches?: 'mostRecent' | 'error';
	/** Artificial delay before every answer. */
	latencyMs?: number;

	// ---- additions beyond the original contract (all optional) ----

	/** [INF] Reject the exact SearchBy spelling 'ProspectID' (only 'ProspectId' etc. are accepted), as observed for Opportunity Capture; default true. */
	strictProspectIdSearchBy?: boolean;
	/** [INF] Whether the wrong-region 401 names the account's host in its message; default false. */
	wrongRegionNamesHost?: boolean;
	/** Maximum rows of Lead/Bulk/CreateOrUpdate; default 25. */
	bulkMaxRows?: number;
	/** Keep at most this many log entries (oldest dropped); default unlimited. */
	maxLogEntries?: number;
	/** Called once per request when it is finished (answered or its socket destroyed). */
	onRequest?: (entry: RequestLogEntry) => void;

	// ---- lead search, deletion and lists (see sandbox/README.md) ----

	/** Lead/Delete/ById works; off by default, as for real accounts (LeadSquared support enables it). Default false. */
	leadDeletionEnabled?: boolean;
	/** [INF] Largest PageSize of Leads.Get and Leads/Retrieve/BySearchParameter; default 5000 (the lead retrieval cap). */
	leadSearchMaxPageSize?: number;
	/** [INF] Leads.Get answers a JSON array of flat leads ('array', default) or `{RecordCount, Leads}` ('recordCount'). */
	leadSearchResponse?: 'array' | 'recordCount';
	/** [INF] Leads.Get always returns ProspectID, even when Include_CSV leaves it out; default true. */
	leadSearchAlwaysProspectId?: boolean;
	/** [INF] SqlOperator LIKE with no `%` in the value matches as "contains" (default false: the whole value, as in SQL). */
	likeMatchesContains?: boolean;
	/** [INF] SqlOperator `<>` also matches leads whose field is empty (default false: SQL NULL semantics). */
	emptyMatchesNotEqual?: boolean;
	/** [live] A Boolean field filtered with the words true/false answers HTTP 500 ('internalError', default); 'accept' compares them as 1/0. */
	booleanWordsInFilters?: 'internalError' | 'accept';
	/** Records that tie on the sort column (leads, activities, tasks, notes, opportunities, webhooks, users) come back in a new random order on every call, as real LeadSquared's do (contract §12.4); default true. false = creation order (leads: ProspectAutoId), so pages never overlap. */
	unstableTieOrder?: boolean;
	/** Seed lists (created after the seed leads). */
	lists?: ListSeed[];
	/** [INF] The system lists 'Starred Leads' (static, empty) and 'All Leads' (dynamic, every lead) exist; default true. */
	systemLists?: boolean;
	/** [INF] Lists per page of Lists.Get; default 100. */
	listsPageSize?: number;
	/** [INF] Adding unknown lead ids to a list: 'error' (default; nothing is added) or 'ignore' (the known ones are added). */
	listUnknownLeads?: 'error' | 'ignore';
	/** [INF] RemoveLeadFromStaticList for a lead that is not in the list: 'success' (default) or 'error'. */
	listRemoveNonMember?: 'success' | 'error';

	// ---- activities, tasks, opportunities, notes and users (see sandbox/README.md) ----

	/** Activity and opportunity types with their fields; default `defaultActivityTypes()` (201 Form Submitted, 202 Phone Call, 203 Payment, opportunity types 12000 Admission and 12001 Loan, a few system types). */
	activityTypes?: ActivityTypeDefinition[];
	/** Task types; default `defaultTaskTypes()` (to-dos Follow Up, Document Collection, Revive Old Lead; appointments Meeting, Site Visit, Demo Call). */
	taskTypes?: TaskTypeDefinition[];
	/** Users; default `defaultUsers()`: the administrator whose keys the sandbox uses, a sales manager, two sales users (one inactive). */
	users?: UserDefinition[];
	/** [INF] ActivityTypes.Get lists opportunity types too (they are activity types in LeadSquared); default true. */
	activityTypesIncludeOpportunities?: boolean;
	/** [INF] EventType of system types in ActivityTypes.Get (custom and opportunity types: 2); no source records it; default 1. */
	activityTypeSystemEventType?: number;
	/**
	 * `GetOpportunityTypes`: 'available' (default): the bare array of the account's opportunity types [live];
	 * 'notFound': HTTP 404 "Endpoint not found." and 'disabled': an MX error saying opportunities are not enabled,
	 * the two answers of accounts without opportunities [live: "the 404/disabled response"; their bodies INF].
	 */
	opportunityTypesApi?: 'available' | 'notFound' | 'disabled';
	/**
	 * `GetOpportunitiesOfLead` without `opportunityType`: 'no': every type's opportunities, as documented [DOC];
	 * 'error' (default): refused with an MX error, 'empty': an empty list. The type was required on a live
	 * account [live 63633701174, 63267509605]; which of the two answers it gives is not recorded [INF].
	 */
	opportunitiesOfLeadRequiresType?: 'no' | 'error' | 'empty';
	/**
	 * Rows of `GetOpportunitiesOfLead`: 'documented' (default): the documented sample's keys (lead columns,
	 * OpportunityEvent, OpportunityType, the type's fields…) [DOC]; 'live': only the keys live readers read
	 * (OpportunityId, RelatedProspectId, the fields flat, OwnerName, OpportunityNote, CreatedOn, ModifiedOn)
	 * [live 63258039318, 63252965971]. Both are flat: neither has a `Fields` member.
	 */
	opportunitiesOfLeadRows?: 'documented' | 'live';
	/** Most activities per call of Bulk/CustomActivity/Add/ByLeadId; default 25. More → MXInvalidInputException for the whole call [INF message]. */
	activityBulkMaxRows?: number;
	/** Largest RowCount / PageSize of the activity reads; default 1000 (larger → `PageSize can not be more than 1000`). */
	activityMaxPageSize?: number;
	/** [INF] Paging.Offset of ProspectActivity.svc/Retrieve: rows to skip ('rows', default), a page number from 1 ('pages', 0 = 1) or from 0 ('pagesFromZero'): the docs call it "the page number" and their example starts at 0. */
	activityRetrieveOffset?: 'rows' | 'pages' | 'pagesFromZero';
	/** [INF] Order of ProspectActivity.svc/Retrieve: by ActivityDateTime, newest first (default) or oldest first. */
	leadActivitiesOrder?: 'newestFirst' | 'oldestFirst';
	/** Task.svc/Retrieve: the longest FromDate–ToDate window (days) when the answer can contain to-dos; default 100. */
	taskRetrieveMaxDays?: number;
	/** [INF] Opportunity duplicate detection compares with the lead's opportunities ('lead', default) or all of the account's ('account'). */
	opportunityDuplicateScope?: 'lead' | 'account';
	/** [INF] Opportunity Capture needs a SearchBy pair in LeadDetails (the async docs call it mandatory); default true. */
	opportunitySearchByRequired?: boolean;

	// ---- answers the sources disagree on (see sandbox/answer-forms.ts) ----

	/**
	 * The form of each answer whose shape the sources disagree on: RetrieveNote rows under `List` or `Notes`,
	 * bulk activities answered per row (`response`) or by `count`, Webhook.svc/Create's id as `object` or
	 * `bareId`, Lists.Get `bare` or `wrapped` in Message, UserByAccessKey.Get `bare` or inside `d`. Default:
	 * the documented form of each. `configure({answerForms: {notes: 'Notes'}})` changes only the forms given;
	 * `answerForms: undefined` puts every one back.
	 */
	answerForms?: Partial<AnswerForms>;
}

/** A list to seed (`SandboxOptions.lists`). */
export interface ListSeed {
	/** ListId; generated when absent. */
	id?: string;
	name: string;
	/** ListType 0 = static, 1 = dynamic, 2 = refreshable. Only static lists take leads through the API. */
	type: 'static' | 'dynamic' | 'refreshable';
	description?: string;
	/**
	 * Members, each a ProspectID or (sandbox convenience) an e-mail address of a seed lead. For a dynamic or
	 * refreshable list this fixes its members; without it, such a list holds the leads matching `criteria`,
	 * or every lead.
	 */
	leadIds?: string[];
	/** Membership rule of a dynamic or refreshable list, evaluated on every read (same rules as Leads.Get). */
	criteria?: { LookupName: string; LookupValue: string; SqlOperator: string };
}

/** A list as stored (`Sandbox.lists()`). */
export interface SandboxList {
	id: string;
	name: string;
	type: 'static' | 'dynamic' | 'refreshable';
	description: string;
	/** The current members' ProspectIDs. */
	leadIds: string[];
}

export interface RequestLogEntry {
	seq: number;
	/** Date.now() at arrival. */
	at: number;
	/** How many other requests were in progress (received, not yet answered) when this one arrived. */
	inFlight: number;
	method: string;
	/** The request target exactly as received (path + raw query string, no decoding). */
	rawUrl: string;
	/** Decoded path without the query. */
	path: string;
	/** Canonical endpoint name ('Lead.CreateOrUpdate', 'Lead/Bulk/CreateOrUpdate', ...), null when unknown. */
	endpoint: string | null;
	/** Decoded query parameters (names as sent). */
	query: Record<string, string>;
	/** Request headers, lower-cased names. */
	headers: Record<string, string>;
	auth: 'header' | 'query' | 'none';
	authOk: boolean;
	/** Exactly the bytes received (utf8). */
	rawBody: string;
	/** Parsed JSON body, or undefined. */
	body: unknown;
	/** Status answered; null if the socket was destroyed (or the request is still in flight). */
	status: number | null;
	/** Parsed JSON answered, or the text. */
	response: unknown;
	/** Fault type applied, if any. */
	fault?: string;
	rateLimited?: boolean;
	/** For the write endpoints: the postUpdatedLead query flag. */
	postUpdatedLead?: boolean;
}

/** Flat lead: string values for ordinary fields; a CFS field holds an object of its sub-field values. */
export type LeadRecord = Record<string, unknown>;

export interface AutomationLogEntry {
	leadId: string;
	endpoint: string;
	at: number;
	/** 'create' is recorded for every created lead; 'update' only when postUpdatedLead=true. [INF] */
	trigger: 'create' | 'update';
}

export type FaultSpec =
	| { type: 'status'; status: number; body?: string; contentType?: string }
	| { type: 'rateLimit'; answer?: RateLimitAnswer; calls?: number; windowSeconds?: number }
	| { type: 'reset'; when?: 'before' | 'after' }
	| { type: 'delay'; ms: number; when?: 'before' | 'after' }
	| { type: 'html'; status?: number }
	| { type: 'empty'; status?: number }
	| { type: 'truncated'; status?: number }
	| { type: 'json'; status?: number; body: unknown }
	/**
	 * LeadSquared's envelope around a failure of its own (contract §12.3): `Users.Get` answered HTTP 500 with a
	 * MySqlException inside the envelope [CODE id 55675463842, live], `Leads.Get` 500s on large pages now and
	 * then [CODE id 54580560058, live]. Default `{"Status":"Error","ExceptionType":"MySqlException",
	 * "ExceptionMessage":"There was an error processing the request"}` with HTTP 500 (the exact texts [INF]).
	 */
	| { type: 'internalError'; status?: number; exceptionType?: string; message?: string };

export type Fault = {
	/** Canonical endpoint name (case-insensitive) or a RegExp on the decoded path; absent = any request. */
	endpoint?: string | RegExp;
	/** How many matching requests take this fault; default 1; Infinity = until clearFaults(). */
	count?: number;
	/** Apply the request to the state first, then answer with the fault. */
	process?: boolean;
	/**
	 * Only requests asking for more rows than this (`Paging.PageSize` or `Paging.RowCount`): large pages that
	 * fail [CODE id 54580560058]. Matched once the body is read, when no other fault took the request.
	 */
	pageSizeAbove?: number;
} & FaultSpec;

export interface Sandbox extends SandboxWebhookControls, SandboxCrmExtraControls {
	/** 'http://127.0.0.1:<port>'; API paths are under `${url}/v2/...`. */
	readonly url: string;
	readonly port: number;
	readonly accessKey: string;
	readonly secretKey: string;
	/** Every request, in order. */
	readonly log: RequestLogEntry[];
	/** Deep copies of the stored leads, in creation order. */
	leads(): LeadRecord[];
	findLeads(predicate: (lead: LeadRecord) => boolean): LeadRecord[];
	/** Automations that LeadSquared would have triggered (see AutomationLogEntry). */
	automationLog(): AutomationLogEntry[];
	/** The account's lists (system lists first), with their current members. */
	lists(): SandboxList[];
	/** Listens to changes in the account (lead.created, lead.updated, lead.deleted, …); returns a function that stops listening. */
	onEvent(listener: SandboxListener): () => void;
	/** Deep copies of the stored activities, tasks, opportunities and notes. */
	records(): SandboxRecords;
	/**
	 * Stores leads and activities directly, as given (no request, validation, event or webhook), for volume
	 * tests and benches: leads as `options.leads` takes them (ProspectID, ProspectAutoId, CreatedOn and
	 * ModifiedOn generated when missing), activities as ActivitySeed.
	 */
	seed(records: { leads?: Array<Record<string, string>>; activities?: ActivitySeed[] }): void;
	/** Marks a task completed as the UI would (like `Task.svc/MarkComplete`); false for an unknown task. */
	completeTask(taskId: string): boolean;
	/** Change options at run time (port is ignored). */
	configure(partial: Partial<SandboxOptions>): void;
	/** Clear leads with their activities, tasks, opportunities and notes (unless keepLeads), the log, faults, automation log and rate-limit buckets; re-seed options.leads. Lists are cleared and re-seeded with the leads. */
	reset(options?: { keepLeads?: boolean }): void;
	injectFault(fault: Fault): void;
	clearFaults(): void;
	/** Stops the server, destroying open sockets and abandoning delayed answers. */
	close(): Promise<void>;
}
