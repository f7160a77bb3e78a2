/**
 * Public types of the sandbox's activities, tasks, opportunities, notes and users: the definitions an
 * account is seeded with (activity and opportunity types, task types, users) and the stored records
 * that `Sandbox.records()` returns. Re-exported from `sandbox/index.ts`.
 */

/**
 * DataType of an activity or opportunity field, as the activity-type APIs report it
 * (`CustomActivity/GetActivitySetting`, `GetOpportunityTypeMetadata`).
 */
export type ActivityFieldDataType =
	| 'String'
	| 'Number'
	| 'Date'
	| 'DateTime'
	| 'Time'
	| 'Boolean'
	| 'Email'
	| 'Phone'
	| 'Dropdown'
	| 'SearchableDropdown'
	/** A user id (the Owner field). */
	| 'ActiveUsers';

/** A field of an activity type or opportunity type (`mx_Custom_1`…, or the system fields `Status` and `Owner`). */
export interface ActivityFieldDefinition {
	schemaName: string;
	displayName: string;
	dataType: ActivityFieldDataType;
	/** IsMandatory: checked when an activity or opportunity is created (and when it is set to ''). */
	mandatory?: boolean;
	/** Options of a Dropdown / SearchableDropdown field. */
	options?: string[];
	/** Longest accepted value; default 200 (MaxFieldLength in the documented samples). */
	maxLength?: number;
}

/**
 * An activity type. Custom activity types have codes from 200 up (EventType 2 in ActivityTypes.Get) [live
 * 68297653413, 63418286132]; opportunity types are activity types too (codes 12000 and up), listed by
 * GetOpportunityTypes and also by ActivityTypes.Get unless `activityTypesIncludeOpportunities` is false.
 * System types (e.g. 22, Outbound Phone Call Activity) cannot be posted through the API.
 */
export interface ActivityTypeDefinition {
	/** ActivityEvent (the "Code" column of Custom Activities & Scores). */
	code: number;
	/** ActivityEventName / DisplayName. */
	name: string;
	/** Default 'custom'. ActivityTypes.Get tells them apart by EventType only (2 = custom or opportunity). */
	kind?: 'custom' | 'system' | 'opportunity';
	/** Added to the lead's Score whenever an activity of this type is posted; default 0. */
	score?: number;
	/** EventDirection: 0 = inbound (default), 1 = outbound. */
	direction?: 0 | 1;
	description?: string;
	fields?: ActivityFieldDefinition[];
	/**
	 * Opportunity types: the duplicate detection rule. A captured opportunity whose values of all these
	 * fields equal those of an existing opportunity of the same type is a duplicate. Empty = no rule.
	 */
	duplicateDetectionFields?: string[];
}

/** A user of the account (`UserManagement.svc/Users.Get`). */
export interface UserDefinition {
	id: string;
	firstName: string;
	lastName: string;
	emailAddress: string;
	/** 'Administrator', 'Sales_User', 'Sales_Manager', … */
	role: string;
	/** 0 = active (default), 1 = inactive. Inactive users cannot own tasks. */
	statusCode?: 0 | 1;
	groups?: string[];
	phoneMobile?: string;
	designation?: string;
	managerUserId?: string;
	timeZone?: string;
	isPhoneCallAgent?: boolean;
}

/** A task type (`Task.svc/RetrieveTaskType`). */
export interface TaskTypeDefinition {
	id: string;
	name: string;
	/** 0 = appointment, 1 = to-do (as in the Category filter of RetrieveTaskType). */
	category: 0 | 1;
	color?: string;
	/** Appointments: the duration used when EndDate is not given; default 30 minutes. */
	defaultDurationMinutes?: number;
}

/** An activity as stored. Dates are UTC 'yyyy-MM-dd HH:mm:ss'. */
export interface StoredActivity {
	ProspectActivityId: string;
	RelatedProspectId: string;
	ActivityEvent: number;
	ActivityNote: string;
	ActivityDateTime: string;
	/** Custom field values by schema name (validated and normalised), including Owner and Status when set. */
	Fields: Record<string, string>;
	CreatedBy: string;
	CreatedOn: string;
	ModifiedBy: string;
	ModifiedOn: string;
}

/** A task as stored. */
export interface StoredTask {
	UserTaskId: string;
	UserTaskAutoId: string;
	Name: string;
	Description: string;
	/** 0 = appointment, 1 = to-do. */
	Category: 0 | 1;
	TaskTypeId: string;
	TaskTypeName: string;
	/** 0 = none, 1 = lead, 5 = opportunity. */
	RelatedEntity: 0 | 1 | 5;
	RelatedEntityId: string;
	/** The lead concerned (the lead itself, or the opportunity's lead); '' when none. */
	LeadId: string;
	DueDate: string;
	EndDate: string;
	Reminder: number;
	ReminderBeforeDays: number;
	ReminderTime: string;
	/** '1100' = e-mail the owner, '1000' = no notification. */
	NotifyBy: string;
	/** 0 = pending, 1 = completed. */
	StatusCode: 0 | 1;
	OwnerId: string;
	Location: string;
	CustomFields: Record<string, string>;
	CreatedBy: string;
	CreatedOn: string;
	ModifiedBy: string;
	ModifiedOn: string;
	/** '' while pending. */
	CompletedOn: string;
}

/** An opportunity as stored. */
export interface StoredOpportunity {
	ProspectOpportunityId: string;
	RelatedProspectId: string;
	OpportunityEvent: number;
	OpportunityNote: string;
	OpportunityDateTime: string;
	/** Field values by schema name (Status, Owner, mx_Custom_N). */
	Fields: Record<string, string>;
	CreatedBy: string;
	CreatedOn: string;
	ModifiedBy: string;
	ModifiedOn: string;
}

/** An activity for `Sandbox.seed()`: what is left out gets a fresh id, the sandbox's user, empty values and the time of the call. */
export type ActivitySeed = Partial<StoredActivity> & Pick<StoredActivity, 'RelatedProspectId' | 'ActivityEvent'>;

/** A note as stored. */
export interface StoredNote {
	ProspectNoteId: string;
	RelatedProspectId: string;
	Note: string;
	/** The file name (last path segment of the URL given as AttachmentName); '' when none. */
	AttachmentName: string;
	/** The URL given as AttachmentName; '' when none. */
	AttachmentURL: string;
	CreatedBy: string;
	CreatedOn: string;
	ModifiedBy: string;
	ModifiedOn: string;
}

/** Deep copies of the stored records (`Sandbox.records()`), in creation order. */
export interface SandboxRecords {
	activities: StoredActivity[];
	tasks: StoredTask[];
	opportunities: StoredOpportunity[];
	notes: StoredNote[];
}
