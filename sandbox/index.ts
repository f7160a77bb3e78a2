/**
 * LeadSquared sandbox: a local HTTP server emulating the LeadSquared v2 lead APIs.
 * See sandbox/README.md.
 */
export { startSandbox } from './server';
export { defaultFields } from './fields';
export { demoLeads, demoLists } from './demo';
export { DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY, DEFAULT_ACCOUNT_HOST } from './options';
export { ANSWER_FORMS, answerFormChoices, defaultAnswerForms } from './answer-forms';
export type { AnswerFormName, AnswerForms } from './answer-forms';
export type {
	AutomationLogEntry,
	Fault,
	FaultSpec,
	FieldDataType,
	FieldDefinition,
	LeadRecord,
	ListSeed,
	RateLimitAnswer,
	RateLimitOptions,
	RequestLogEntry,
	Sandbox,
	SandboxList,
	SandboxOptions,
	SubFieldDefinition,
} from './types';
export type { SandboxEvent, SandboxEventType, SandboxListener } from './events';
export type { LandingPageSubmission, SandboxWebhook, WebhookContentType, WebhookDelivery, WebhookSandboxOptions, WebhookStatusCode, WebhookStatusReading } from './webhook-types';
export { defaultActivityTypes, defaultTaskTypes, defaultUsers } from './crm-defaults';
export type {
	ActivityFieldDataType,
	ActivityFieldDefinition,
	ActivitySeed,
	ActivityTypeDefinition,
	SandboxRecords,
	StoredActivity,
	StoredNote,
	StoredOpportunity,
	StoredTask,
	TaskTypeDefinition,
	UserDefinition,
} from './crm-types';
export { defaultCompanies, defaultCompanyTypes, defaultProducts, defaultSalesActivitySetting } from './crm-extra-defaults';
export type {
	CompanyFieldDefinition,
	CompanySeed,
	CompanyTypeDefinition,
	CrmExtraSandboxOptions,
	ProductDefinition,
	QueuedJob,
	SalesActivitySetting,
	SalesFieldDefinition,
	SandboxAccounts,
	SandboxCrmExtraControls,
	SandboxSalesActivity,
	SentEmail,
	StoredCompany,
	StoredCompanyActivity,
	StoredProduct,
} from './crm-extra-types';
