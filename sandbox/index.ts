/**
 * LeadSquared sandbox: a local HTTP server emulating the LeadSquared v2 lead APIs.
 * See sandbox/README.md.
 */
export { startSandbox } from './server';
export { defaultFields } from './fields';
export { demoLeads } from './demo';
export { DEFAULT_ACCESS_KEY, DEFAULT_SECRET_KEY, DEFAULT_ACCOUNT_HOST } from './options';
export type {
	AutomationLogEntry,
	Fault,
	FaultSpec,
	FieldDataType,
	FieldDefinition,
	LeadRecord,
	RateLimitAnswer,
	RateLimitOptions,
	RequestLogEntry,
	Sandbox,
	SandboxOptions,
	SubFieldDefinition,
} from './types';
