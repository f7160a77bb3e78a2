/**
 * The default account configuration beyond lead fields: activity and opportunity types with their
 * fields, task types and users. Every function returns fresh objects.
 */
import type { ActivityTypeDefinition, TaskTypeDefinition, UserDefinition } from './crm-types';
import { SANDBOX_USER_ID } from './user';

/** Codes of the system activities that Opportunity Capture posts on the lead: 30 [INF]; 32 [live 68297653413]. */
export const OPPORTUNITY_CAPTURED_EVENT = 30;
export const DUPLICATE_OPPORTUNITY_EVENT = 32;

/** The administrator whose keys the sandbox uses (same id and e-mail as UserByAccessKey.Get). */
export const ADMIN_EMAIL = 'admin@sandbox.example.com';

const OPPORTUNITY_STATUS = { schemaName: 'Status', displayName: 'Status', dataType: 'Dropdown', mandatory: true, options: ['Open', 'Won', 'Lost'] } as const;
const OWNER = { schemaName: 'Owner', displayName: 'Owner', dataType: 'ActiveUsers' } as const;

/** Three custom activity types (201–203), six system types, two opportunity types (12000, 12001). */
export function defaultActivityTypes(): ActivityTypeDefinition[] {
	return [
		{
			code: 201,
			name: 'Form Submitted',
			score: 5,
			description: 'A web form was submitted',
			fields: [
				{ schemaName: 'mx_Custom_1', displayName: 'Form Name', dataType: 'String', mandatory: true },
				{ schemaName: 'mx_Custom_2', displayName: 'Page URL', dataType: 'String', maxLength: 500 },
				{ schemaName: 'mx_Custom_3', displayName: 'Submitted On', dataType: 'DateTime' },
				{ schemaName: 'mx_Custom_4', displayName: 'Campaign', dataType: 'Dropdown', options: ['Google Ads', 'Facebook', 'Newsletter', 'Organic'] },
			],
		},
		{
			code: 202,
			name: 'Phone Call',
			score: 3,
			direction: 1,
			description: 'A call made by a sales user',
			fields: [
				{ schemaName: 'mx_Custom_1', displayName: 'Call Outcome', dataType: 'Dropdown', mandatory: true, options: ['Connected', 'No Answer', 'Busy', 'Wrong Number'] },
				{ schemaName: 'mx_Custom_2', displayName: 'Duration (seconds)', dataType: 'Number' },
				{ schemaName: 'mx_Custom_3', displayName: 'Call Notes', dataType: 'String', maxLength: 2000 },
				{ schemaName: 'mx_Custom_4', displayName: 'Follow-up Needed', dataType: 'Boolean' },
				{ schemaName: 'mx_Custom_5', displayName: 'Call Back On', dataType: 'DateTime' },
			],
		},
		{
			code: 203,
			name: 'Payment',
			score: 10,
			description: 'A payment was received',
			fields: [
				{ schemaName: 'mx_Custom_1', displayName: 'Amount', dataType: 'Number', mandatory: true },
				{ schemaName: 'mx_Custom_2', displayName: 'Currency', dataType: 'Dropdown', options: ['INR', 'USD', 'EUR'] },
				{ schemaName: 'mx_Custom_3', displayName: 'Payment Date', dataType: 'Date' },
				{ schemaName: 'mx_Custom_4', displayName: 'Transaction Id', dataType: 'String', maxLength: 100 },
				{ schemaName: 'mx_Custom_5', displayName: 'Payment Mode', dataType: 'SearchableDropdown', options: ['Card', 'UPI', 'Net Banking', 'Cash'] },
				{ schemaName: 'mx_Custom_6', displayName: 'Payer Email', dataType: 'Email' },
			],
		},
		// System types of a live census (63418286132): 21, 22, 23, 97.
		{ code: 21, name: 'Inbound Phone Call Activity', kind: 'system' },
		{ code: 22, name: 'Outbound Phone Call Activity', kind: 'system', direction: 1 },
		{ code: 23, name: 'Lead Capture', kind: 'system' },
		{ code: 97, name: 'Dynamic Form Submission', kind: 'system' },
		{ code: OPPORTUNITY_CAPTURED_EVENT, name: 'Opportunity Captured', kind: 'system' },
		{ code: DUPLICATE_OPPORTUNITY_EVENT, name: 'Duplicate Opportunity Detected', kind: 'system' },
		{
			code: 12000,
			name: 'Admission',
			kind: 'opportunity',
			description: 'A prospective student applying for a course',
			duplicateDetectionFields: ['mx_Custom_2'],
			fields: [
				{ ...OPPORTUNITY_STATUS, options: [...OPPORTUNITY_STATUS.options] },
				{ ...OWNER },
				{ schemaName: 'mx_Custom_1', displayName: 'Opportunity Name', dataType: 'String', mandatory: true },
				{ schemaName: 'mx_Custom_2', displayName: 'Course', dataType: 'Dropdown', options: ['Engineering', 'Medicine', 'Law', 'Business Administration'] },
				{ schemaName: 'mx_Custom_3', displayName: 'Expected Fee', dataType: 'Number' },
				{ schemaName: 'mx_Custom_4', displayName: 'Expected Close Date', dataType: 'Date' },
			],
		},
		{
			code: 12001,
			name: 'Loan',
			kind: 'opportunity',
			description: 'A loan application',
			duplicateDetectionFields: ['mx_Custom_3'],
			fields: [
				{ ...OPPORTUNITY_STATUS, options: [...OPPORTUNITY_STATUS.options] },
				{ ...OWNER },
				{ schemaName: 'mx_Custom_1', displayName: 'Opportunity Name', dataType: 'String', mandatory: true },
				{ schemaName: 'mx_Custom_2', displayName: 'Loan Amount', dataType: 'Number', mandatory: true },
				{ schemaName: 'mx_Custom_3', displayName: 'Loan Type', dataType: 'Dropdown', options: ['Home', 'Car', 'Personal', 'Education'] },
				{ schemaName: 'mx_Custom_4', displayName: 'Sanction Date', dataType: 'DateTime' },
			],
		},
	];
}

/** The administrator (the sandbox's keys), a sales manager, two sales users (one inactive). */
export function defaultUsers(): UserDefinition[] {
	return [
		{
			id: SANDBOX_USER_ID,
			firstName: 'Sandbox',
			lastName: 'Admin',
			emailAddress: ADMIN_EMAIL,
			role: 'Administrator',
			designation: 'Administrator',
			timeZone: 'Asia/Kolkata',
		},
		{
			id: '3b1041fb-8374-11e7-8758-0a106ee76b21',
			firstName: 'Vir',
			lastName: 'Singh',
			emailAddress: 'vir.singh@sandbox.example.com',
			role: 'Sales_Manager',
			groups: ['North India'],
			designation: 'Sales Manager',
			phoneMobile: '+91-9800000001',
			timeZone: 'Asia/Kolkata',
			isPhoneCallAgent: true,
		},
		{
			id: '718ae557-9d0b-11e7-b0ab-02e89b2fb8f4',
			firstName: 'Asha',
			lastName: 'Rao',
			emailAddress: 'asha.rao@sandbox.example.com',
			role: 'Sales_User',
			groups: ['North India'],
			designation: 'Sales Executive',
			managerUserId: '3b1041fb-8374-11e7-8758-0a106ee76b21',
			phoneMobile: '+91-9800000002',
			timeZone: 'Asia/Kolkata',
			isPhoneCallAgent: true,
		},
		{
			id: '190e7b6f-39da-11e6-b61b-22000aa8e760',
			firstName: 'Karan',
			lastName: 'Mehta',
			emailAddress: 'karan.mehta@sandbox.example.com',
			role: 'Sales_User',
			statusCode: 1,
			designation: 'Sales Executive',
			managerUserId: '3b1041fb-8374-11e7-8758-0a106ee76b21',
			timeZone: 'Asia/Kolkata',
		},
	];
}

/** Three to-do types and three appointment types. */
export function defaultTaskTypes(): TaskTypeDefinition[] {
	return [
		{ id: '0500cfd9-4cf5-11ec-993a-06f221480cd8', name: 'Follow Up', category: 1, color: '#C5CAE9' },
		{ id: '0500d1a4-4cf5-11ec-993a-06f221480cd8', name: 'Document Collection', category: 1, color: '#FFE0B2' },
		{ id: '0500d2e7-4cf5-11ec-993a-06f221480cd8', name: 'Revive Old Lead', category: 1, color: '#DCEDC8' },
		{ id: '0500d41c-4cf5-11ec-993a-06f221480cd8', name: 'Meeting', category: 0, color: '#F8BBD0', defaultDurationMinutes: 30 },
		{ id: '0500d55a-4cf5-11ec-993a-06f221480cd8', name: 'Site Visit', category: 0, color: '#B3E5FC', defaultDurationMinutes: 60 },
		{ id: '0500d69b-4cf5-11ec-993a-06f221480cd8', name: 'Demo Call', category: 0, color: '#D1C4E9', defaultDurationMinutes: 45 },
	];
}
