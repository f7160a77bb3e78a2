/**
 * Public types of the sandbox's accounts (companies), sales activities and products, sent e-mails and
 * queued deletions (issue 18): what an account is seeded with, what the control methods return, and
 * the options. Re-exported from `sandbox/index.ts`; documented in sandbox/README-more.md.
 */
import type { ActivityTypeDefinition } from './crm-types';

// ---------- accounts (CompanyManagement.svc, CompanyActivity.svc) ----------

/** A company field, typed like a lead field (the value rules of lead writes apply). */
export interface CompanyFieldDefinition {
	schemaName: string;
	displayName: string;
	dataType: 'Text' | 'Email' | 'Phone' | 'Number' | 'Date' | 'DateTime' | 'Time' | 'Boolean' | 'Select' | 'Website';
	mandatory?: boolean;
	/** Options of a Select field. */
	options?: string[];
	maxLength?: number;
}

/**
 * An account (company) type. Every type has the system company fields (CompanyName, Phone, Website, City,
 * State, Country, Stage, OwnerId, …) plus its own `fields`; its account activity types (codes 10001 and up
 * in the documented samples) are posted with `CompanyActivity.svc/Create`.
 */
export interface CompanyTypeDefinition {
	name: string;
	/** Extra company fields of this type (mx_ fields), typed like lead fields (Text, Number, Select, Date, …). */
	fields?: CompanyFieldDefinition[];
	/** The account activity types of this type, validated like custom activity types. */
	activityTypes?: ActivityTypeDefinition[];
}

/** An account to seed: its type and its values by schema name (CompanyId generated when absent). */
export interface CompanySeed {
	type: string;
	values: Record<string, string>;
}

/** An account as stored (`sb.accounts().companies`). Dates are UTC 'yyyy-MM-dd HH:mm:ss'. */
export interface StoredCompany {
	CompanyId: string;
	CompanyTypeName: string;
	/** Field values by schema name (CompanyName, Phone, OwnerId, mx_…), validated and normalised. */
	Values: Record<string, string>;
	CreatedBy: string;
	CreatedOn: string;
	ModifiedBy: string;
	ModifiedOn: string;
}

/** An account activity as stored (`sb.accounts().activities`). */
export interface StoredCompanyActivity {
	CompanyActivityId: string;
	RelatedCompanyId: string;
	ActivityEvent: number;
	ActivityNote: string;
	ActivityDateTime: string;
	Fields: Record<string, string>;
	CreatedBy: string;
	CreatedOn: string;
	ModifiedBy: string;
	ModifiedOn: string;
}

export interface SandboxAccounts {
	companies: StoredCompany[];
	activities: StoredCompanyActivity[];
}

// ---------- sales activities and products (SalesActivity.svc) ----------

/** A product of the account (`SalesActivity.svc/RetrieveProducts`); ProductId ≠ ProductSku [DOC]. */
export interface ProductDefinition {
	/** ProductId; generated when absent. */
	id?: string;
	sku: string;
	name: string;
	description?: string;
}

/** A custom sale field (mx_Custom_5 … mx_Custom_15) of the sales activity settings. */
export interface SalesFieldDefinition {
	schemaName: string;
	displayName: string;
	dataType: 'String' | 'Number' | 'Date' | 'DateTime' | 'Boolean';
	showInForm?: boolean;
}

/** The account's sales activity settings (`SalesActivity.svc/RetrieveSetting`). */
export interface SalesActivitySetting {
	/** [INF] ActivityEvent of a sales activity in the lead's activity trail (no source states it). */
	code: number;
	/** [INF] ActivityEvent of the activity a cancellation posts on the lead. */
	cancelCode: number;
	name: string;
	displayName: string;
	currencySymbol: string;
	currencyAbbreviation: string;
	currencyName: string;
	customerStageName: string;
	/** A Won sale moves the lead to `customerStageName` (when the lead stage has that option) [INF behaviour of the documented setting]. */
	convertToCustomer: boolean;
	/** Custom sale fields after the four documented ones (Product, Order Value, Sales Date, Sales Owner). */
	customFields: SalesFieldDefinition[];
}

/** A product as stored. */
export interface StoredProduct {
	ProductId: string;
	ProductSku: string;
	Name: string;
	Description: string;
	CreatedOn: string;
	ModifiedOn: string;
}

/** A sales activity (`sb.salesActivities()`): the stored activity's values, and its cancellation. */
export interface SandboxSalesActivity {
	Id: string;
	ProspectId: string;
	Status: string;
	ProductId: string;
	Revenue: string;
	SalesDate: string;
	SalesOwner: string;
	Cancelled: boolean;
	/** The id of the activity the cancellation posted, and its note. */
	Cancellation: { Id: string; Note: string; On: string } | null;
}

// ---------- e-mail (EmailMarketing.svc/SendEmailToLead) ----------

/** An e-mail the sandbox accepted (`sb.sentEmails()`), in sending order. Nothing leaves the machine. */
export interface SentEmail {
	/** The ID answered. */
	id: string;
	at: number;
	senderType: string;
	/** The sending user (the API user for APICaller, the lead's owner for LeadOwner). */
	senderUserId: string;
	senderEmail: string;
	leadId: string;
	recipient: string;
	cc: string;
	emailType: 'Html' | 'Template';
	subject: string;
	contentHtml: string;
	contentText: string;
	template: string;
	category: string;
	includeFooter: boolean;
	/** UTC 'yyyy-MM-dd HH:mm:ss', '' = send now. */
	schedule: string;
}

// ---------- queued deletions ----------

/** A queued request (`sb.queuedJobs()`): DeleteTasks and DeleteActivities are applied later, as LeadSquared does. */
export interface QueuedJob {
	id: string;
	kind: 'deleteTasks' | 'deleteActivities';
	queuedAt: number;
	state: 'queued' | 'done' | 'dropped';
	/** When it ran (Date.now()), null while queued. */
	ranAt: number | null;
	/** What it deleted (ids), once done. */
	deletedIds: string[];
	/** The StatusWebhookURL given, '' when none; and what the status call answered (null until sent). */
	statusWebhookUrl: string;
	statusCall: { status: number | null; error: string; body: unknown } | null;
}

// ---------- options and controls ----------

export interface CrmExtraSandboxOptions {
	/** Account types with their fields and account activity types; default `defaultCompanyTypes()` (Partners, Vendors). */
	companyTypes?: CompanyTypeDefinition[];
	/** Seed accounts; default `defaultCompanies()` (two partners, one vendor). */
	companies?: CompanySeed[];
	/** [INF] Largest PageSize of Company.Get (none is documented); default 1000. */
	companyMaxPageSize?: number;
	/** [OBS "Include_CSV is picky"] Company.Get with an unknown Include_CSV column: 'error' (default) or 'ignore'. */
	companyUnknownColumns?: 'error' | 'ignore';
	/** Sales activity settings; default `defaultSalesActivitySetting()`. Partial values are merged into the default. */
	salesActivity?: Partial<SalesActivitySetting>;
	/** [INF] ActivityTypes.Get also lists the sales activity types (code and cancelCode); default false. */
	salesActivityTypesListed?: boolean;
	/** [INF] SalesActivity.svc/Update with a Status (the documented body has none): 'ignore' (default) or 'apply'. */
	salesUpdateStatus?: 'ignore' | 'apply';
	/** Products; default `defaultProducts()`. */
	products?: ProductDefinition[];
	/** [INF] The answer of RetrieveProducts (no source shows it): `{RecordCount, List}` ('list', default) or a bare array ('array'). */
	productsAnswer?: 'list' | 'array';
	/** [CODE id 70701181602] / [INF] The answer of SendEmailToLead: `{ID, MemberCount, TotalRecipient}` ('campaign', default) or `{Status, Message:{Id}}` ('statusId'). */
	emailSendAnswer?: 'campaign' | 'statusId';
	/** [OBS] SenderType APICaller works only where an admin configured that identity; default true. */
	emailApiCallerSender?: boolean;
	/** [OBS] The account cannot deliver (no credits, unverified domain, DKIM/SPF): SendEmailToLead answers MXMailDeliveryException; default false. */
	emailDeliveryRefused?: boolean;
	/** E-mail categories of the account; another EmailCategory answers 500 [OBS]. Default ['Newsletter', 'Transactional']. */
	emailCategories?: string[];
	/** E-mail library templates (EmailType 'Template' + EmailLibraryName); default ['Welcome', 'Follow Up']. */
	emailTemplates?: string[];
	/** Milliseconds before a queued deletion is applied; default 20. `Infinity` = only when `sb.runQueuedJobs()` is called. */
	queuedDeletionDelayMs?: number;
	/** [INF] Create an empty static list whose name another list has: 'error' (default) or 'allow'. */
	listDuplicateNames?: 'error' | 'allow';
	/** [INF] Opportunity types whose opportunities can be deleted ("Allow Delete" of the type): true (all, default), false (none) or the codes. */
	opportunityDeleteAllowed?: boolean | number[];
}

export interface SandboxCrmExtraControls {
	/** Copies of the stored accounts and account activities, in creation order. */
	accounts(): SandboxAccounts;
	/** The sales activities (stored among the lead's activities), in creation order. */
	salesActivities(): SandboxSalesActivity[];
	/** Copies of the products. */
	products(): StoredProduct[];
	/** The e-mails SendEmailToLead accepted, in order. */
	sentEmails(): SentEmail[];
	/** The queued deletions (DeleteTasks, DeleteActivities), queued and done. */
	queuedJobs(): QueuedJob[];
	/** Applies every queued deletion now; returns how many ran. */
	runQueuedJobs(): number;
	/** Resolves when no queued deletion is waiting on its timer and every status webhook call has finished. */
	queueSettled(): Promise<void>;
}
