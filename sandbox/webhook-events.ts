/**
 * The webhook event catalogue (§11.2): the codes Webhook.svc/Create takes [DOC], the names
 * Webhook.svc/Retrieve filters by and answers as `EventCode` [DOC], and display names (`EventName`;
 * only 'Lead Creation' is documented, the others are [INF]).
 */

export interface WebhookEventInfo {
	code: number;
	/** `EventCode` / the WebhookEvent filter of Retrieve. */
	name: string;
	/** `EventName`. */
	displayName: string;
	family: 'landingPage' | 'lead' | 'activity' | 'task' | 'opportunity';
}

export const WEBHOOK_EVENTS: readonly WebhookEventInfo[] = [
	{ code: 1, name: 'Landing_Page_submission', displayName: 'Landing Page Submission', family: 'landingPage' },
	{ code: 2, name: 'LeadActivity_Post_Create', displayName: 'Lead Activity Creation', family: 'activity' },
	{ code: 3, name: 'Lead_Post_Create', displayName: 'Lead Creation', family: 'lead' },
	{ code: 4, name: 'Lead_Owner_Change', displayName: 'Lead Owner Change', family: 'lead' },
	{ code: 5, name: 'Lead_Post_Stage_Change', displayName: 'Lead Stage Change', family: 'lead' },
	{ code: 6, name: 'Lead_Post_Update', displayName: 'Lead Update', family: 'lead' },
	{ code: 7, name: 'Task_Create', displayName: 'Task Creation', family: 'task' },
	{ code: 8, name: 'Task_Reminder', displayName: 'Task Reminder', family: 'task' },
	{ code: 9, name: 'Lead_Score_Change', displayName: 'Lead Score Change', family: 'lead' },
	{ code: 15, name: 'LeadActivity_Post_Update', displayName: 'Lead Activity Update', family: 'activity' },
	{ code: 16, name: 'Task_Complete', displayName: 'Task Complete', family: 'task' },
	{ code: 17, name: 'Task_Update', displayName: 'Task Update', family: 'task' },
	{ code: 26, name: 'Lead_Field_Change', displayName: 'Lead Field Update', family: 'lead' },
	{ code: 31, name: 'Opportunity_Post_Create', displayName: 'Opportunity Creation', family: 'opportunity' },
	{ code: 32, name: 'Opportunity_Post_Update', displayName: 'Opportunity Update', family: 'opportunity' },
	{ code: 33, name: 'OpportunityField_Post_Update', displayName: 'Opportunity Field Update', family: 'opportunity' },
	{ code: 34, name: 'OpportunityStage_Post_Update', displayName: 'Opportunity Stage Update', family: 'opportunity' },
	{ code: 35, name: 'Opportunity_Post_Delete', displayName: 'Opportunity Delete', family: 'opportunity' },
];

export const EVENT = {
	landingPage: 1,
	activityCreate: 2,
	leadCreate: 3,
	ownerChange: 4,
	stageChange: 5,
	leadUpdate: 6,
	taskCreate: 7,
	taskReminder: 8,
	scoreChange: 9,
	activityUpdate: 15,
	taskComplete: 16,
	taskUpdate: 17,
	leadFieldChange: 26,
	opportunityCreate: 31,
	opportunityUpdate: 32,
	opportunityFieldUpdate: 33,
	opportunityStageUpdate: 34,
	opportunityDelete: 35,
} as const;

const BY_CODE = new Map(WEBHOOK_EVENTS.map((e) => [e.code, e]));
const BY_NAME = new Map(WEBHOOK_EVENTS.map((e) => [e.name.toLowerCase(), e]));

/** An event by its code (number or numeric string, as Create takes it). */
export function eventByCode(raw: unknown): WebhookEventInfo | undefined {
	const code = toInt(raw);
	return code === undefined ? undefined : BY_CODE.get(code);
}

/** An event by its Retrieve name (any casing) or [INF] its code. */
export function eventByName(raw: unknown): WebhookEventInfo | undefined {
	if (typeof raw === 'string' && BY_NAME.has(raw.trim().toLowerCase())) return BY_NAME.get(raw.trim().toLowerCase());
	return eventByCode(raw);
}

/** A whole number from a number or a numeric string; undefined otherwise. */
export function toInt(raw: unknown): number | undefined {
	if (typeof raw === 'number') return Number.isInteger(raw) ? raw : undefined;
	if (typeof raw === 'string' && /^\s*-?\d+\s*$/.test(raw)) return Number(raw);
	return undefined;
}
