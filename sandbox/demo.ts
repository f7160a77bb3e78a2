/**
 * Demo data for `npm run sandbox -- --demo` and for anyone who wants a populated account.
 */
import type { ListSeed } from './types';

/** Four realistic leads in the seed format of `SandboxOptions.leads` (a CFS as a JSON string). */
export function demoLeads(): Array<Record<string, string>> {
	return [
		{
			FirstName: 'Priya',
			LastName: 'Sharma',
			EmailAddress: 'priya.sharma@example.com',
			Phone: '+91-9845012345',
			Company: 'Infotech Solutions',
			JobTitle: 'Product Manager',
			Source: 'Website',
			ProspectStage: 'Prospect',
			mx_City: 'Bangalore',
			mx_Course_Interest: 'Business Administration',
			mx_Branch: 'Bangalore',
			mx_Newsletter: '1',
			mx_KYC: JSON.stringify({ Status: 'Pending', mx_CustomObject_1: 'pan-card.png', mx_CustomObject_2: 'ABCPS1234K' }),
		},
		{
			FirstName: 'Rahul',
			LastName: 'Verma',
			EmailAddress: 'rahul.verma@example.org',
			Phone: '+91-9900112233',
			Mobile: '+91-9811122233',
			Company: 'Verma Traders',
			Source: 'Referral',
			ProspectStage: 'Opportunity',
			Score: '42',
			mx_City: 'Mumbai',
			mx_Course_Interest: 'Engineering',
			mx_Student_Id: 'STU-2024-0042',
			mx_Enrollment_Date: '2024-07-01 09:30:00',
			mx_Branch: 'Mumbai',
		},
		{
			FirstName: 'Ananya',
			LastName: 'Iyer',
			EmailAddress: 'ananya.iyer@example.net',
			Phone: '+91-9123456780',
			Source: 'Google Ads',
			ProspectStage: 'Customer',
			DoNotCall: '1',
			mx_City: 'Chennai',
			mx_Date_of_Birth: '1998-03-14',
			mx_Annual_Income: '850000',
			mx_Course_Interest: 'Medicine',
			mx_Branch: 'Online',
		},
		{
			FirstName: 'John',
			LastName: 'Miller',
			EmailAddress: 'john.miller@example.com',
			Phone: '+1-4155550123',
			Company: 'Acme Consulting',
			JobTitle: 'Director',
			Source: 'Trade Show',
			ProspectStage: 'Prospect',
			mx_City: 'San Francisco',
			mx_Course_Interest: 'Law',
			mx_Branch: 'Online',
		},
	];
}

/**
 * Three demo lists for `SandboxOptions.lists`, to seed next to `demoLeads()` (members named by e-mail):
 * a static list with two leads, an empty static list and a dynamic list of the leads in Mumbai.
 */
export function demoLists(): ListSeed[] {
	return [
		{
			name: 'Webinar Attendees',
			type: 'static',
			description: 'Leads who attended the product webinar',
			leadIds: ['priya.sharma@example.com', 'john.miller@example.com'],
		},
		{ name: 'Newsletter Prospects', type: 'static', description: '' },
		{
			name: 'Mumbai Leads',
			type: 'dynamic',
			description: 'Leads whose city is Mumbai',
			criteria: { LookupName: 'mx_City', LookupValue: 'Mumbai', SqlOperator: '=' },
		},
	];
}
