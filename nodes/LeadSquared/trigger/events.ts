/**
 * The events the LeadSquared Trigger offers, each tied to LeadSquared's webhook event code
 * (Webhook.svc/Create `WebhookEvent` [DOC]) and the name Webhook.svc/Retrieve reports (`EventCode`).
 * Pure: no n8n imports.
 */

export type EventFamily = 'lead' | 'activity' | 'task' | 'opportunity' | 'landingPage';

export interface TriggerEvent {
	/** The n8n event name, as items carry it in `event` and the node's Events parameter stores it. */
	key: string;
	/** Shown in the Events list. */
	name: string;
	description: string;
	/** LeadSquared's webhook event code. */
	code: number;
	/** The name Webhook.svc/Retrieve answers as `EventCode` (and takes as its WebhookEvent filter). */
	retrieveName: string;
	family: EventFamily;
	/** The record's date that says when the event happened (else: when n8n received it). */
	timeField?: string;
}

export const TRIGGER_EVENTS: readonly TriggerEvent[] = [
	{ key: 'lead.created', name: 'Lead Created', description: 'A lead is created', code: 3, retrieveName: 'Lead_Post_Create', family: 'lead', timeField: 'CreatedOn' },
	{ key: 'lead.updated', name: 'Lead Updated', description: 'Any field of a lead changes', code: 6, retrieveName: 'Lead_Post_Update', family: 'lead', timeField: 'ModifiedOn' },
	{
		key: 'lead.fieldUpdated',
		name: 'Lead Field Updated',
		description: 'Chosen fields of a lead change (the item lists the changes)',
		code: 26,
		retrieveName: 'Lead_Field_Change',
		family: 'lead',
		timeField: 'ModifiedOn',
	},
	{
		key: 'lead.stageChanged',
		name: 'Lead Stage Changed',
		description: "A lead's stage (ProspectStage) changes",
		code: 5,
		retrieveName: 'Lead_Post_Stage_Change',
		family: 'lead',
		timeField: 'ModifiedOn',
	},
	{ key: 'lead.ownerChanged', name: 'Lead Owner Changed', description: "A lead's owner changes", code: 4, retrieveName: 'Lead_Owner_Change', family: 'lead', timeField: 'ModifiedOn' },
	{ key: 'lead.scoreChanged', name: 'Lead Score Changed', description: "A lead's score changes", code: 9, retrieveName: 'Lead_Score_Change', family: 'lead', timeField: 'ModifiedOn' },
	{
		key: 'activity.created',
		name: 'Activity Created',
		description: 'An activity is posted on a lead',
		code: 2,
		retrieveName: 'LeadActivity_Post_Create',
		family: 'activity',
		timeField: 'CreatedOn',
	},
	{
		key: 'activity.updated',
		name: 'Activity Updated',
		description: 'An activity of a lead is changed',
		code: 15,
		retrieveName: 'LeadActivity_Post_Update',
		family: 'activity',
		timeField: 'ModifiedOn',
	},
	{ key: 'task.created', name: 'Task Created', description: 'A task is created', code: 7, retrieveName: 'Task_Create', family: 'task', timeField: 'CreatedOn' },
	{ key: 'task.completed', name: 'Task Completed', description: 'A task is marked complete', code: 16, retrieveName: 'Task_Complete', family: 'task', timeField: 'CompletedOn' },
	{ key: 'task.updated', name: 'Task Updated', description: 'A task is changed', code: 17, retrieveName: 'Task_Update', family: 'task', timeField: 'ModifiedOn' },
	{ key: 'task.reminder', name: 'Task Reminder', description: "A task's reminder is due", code: 8, retrieveName: 'Task_Reminder', family: 'task' },
	{
		key: 'opportunity.created',
		name: 'Opportunity Created',
		description: 'An opportunity is created',
		code: 31,
		retrieveName: 'Opportunity_Post_Create',
		family: 'opportunity',
		timeField: 'CreatedOn',
	},
	{
		key: 'opportunity.updated',
		name: 'Opportunity Updated',
		description: 'An opportunity is changed',
		code: 32,
		retrieveName: 'Opportunity_Post_Update',
		family: 'opportunity',
		timeField: 'ModifiedOn',
	},
	{
		key: 'opportunity.stageChanged',
		name: 'Opportunity Stage Changed',
		description: "An opportunity's stage or status changes",
		code: 34,
		retrieveName: 'OpportunityStage_Post_Update',
		family: 'opportunity',
		timeField: 'ModifiedOn',
	},
	{ key: 'opportunity.deleted', name: 'Opportunity Deleted', description: 'An opportunity is deleted', code: 35, retrieveName: 'Opportunity_Post_Delete', family: 'opportunity' },
	{
		key: 'landingPage.submitted',
		name: 'Landing Page Submitted',
		description: 'A visitor submits a LeadSquared landing page form',
		code: 1,
		retrieveName: 'Landing_Page_submission',
		family: 'landingPage',
	},
];

/** LeadSquared's "lead field update" event, used in place of a stage change webhook the account refuses to create. */
export const LEAD_FIELD_UPDATE_CODE = 26;
export const STAGE_FIELD = 'ProspectStage';

const BY_KEY = new Map(TRIGGER_EVENTS.map((event) => [event.key.toLowerCase(), event]));

export function eventByKey(key: unknown): TriggerEvent | undefined {
	return typeof key === 'string' ? BY_KEY.get(key.trim().toLowerCase()) : undefined;
}

/** The event a Retrieve row describes: its `WebhookEvent` code, or its `EventCode` name. */
export function codeOfRow(row: Record<string, unknown>): number | undefined {
	const raw = row.WebhookEvent;
	const number = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : undefined;
	if (number !== undefined) return number;
	const name = typeof row.EventCode === 'string' ? row.EventCode.trim().toLowerCase() : '';
	return TRIGGER_EVENTS.find((event) => event.retrieveName.toLowerCase() === name)?.code;
}
