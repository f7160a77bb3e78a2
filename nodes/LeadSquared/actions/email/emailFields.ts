/**
 * The parameters of Email → Send to Lead: the recipient lead (by e-mail address or ID), the sender
 * (a user from the account's active users, the lead's owner, or the API keys' user), the content (HTML
 * or a template of the e-mail library), and the documented extras (CC, schedule, category, footer).
 */
import type { INodeProperties } from 'n8n-workflow';

import { EXAMPLE_GUID } from '../../values/recordIds';
import { dateTimezoneOption } from '../dateTimezone';
import { optionsCollection, sharedOptions } from '../engine';
import { ownerLocator } from '../task/taskFields';

const forHtml = { show: { content: ['html'] } };
const forTemplate = { show: { content: ['template'] } };

export const emailProperties: INodeProperties[] = [
	{
		displayName: 'Recipient Lead By',
		name: 'recipientBy',
		type: 'options',
		default: 'email',
		options: [
			{ name: 'Lead Email Address', value: 'email', description: 'The e-mail address of a lead of the account (RecipientType LeadEmailAddress)' },
			{ name: 'Lead ID', value: 'leadId', description: "The lead's ID (ProspectID): the node reads the lead's e-mail address first" },
		],
		description: 'How the lead the e-mail goes to is given. LeadSquared sends this e-mail only to leads of the account.',
	},
	{
		displayName: 'Lead Email Address',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description: 'The e-mail address of the lead the e-mail goes to',
		displayOptions: { show: { recipientBy: ['email'] } },
	},
	{
		displayName: 'Lead ID',
		name: 'leadId',
		type: 'string',
		required: true,
		default: '',
		placeholder: `e.g. ${EXAMPLE_GUID}`,
		description: "The lead's ID (ProspectID), e.g. the leadId output by Lead → Create or Update",
		displayOptions: { show: { recipientBy: ['leadId'] } },
	},
	{
		displayName: 'Send As',
		name: 'sendAs',
		type: 'options',
		default: 'user',
		options: [
			{ name: 'A User', value: 'user', description: 'A user of the account (SenderType UserId, or UserEmailAddress by e-mail address)' },
			{ name: "The API Keys' User", value: 'apiUser', description: 'The user whose keys the credential holds (SenderType APICaller)' },
			{ name: "The Lead's Owner", value: 'leadOwner', description: 'Whoever owns the lead in LeadSquared (SenderType LeadOwner)' },
		],
		description: 'Who the e-mail comes from. LeadSquared accepts only active users of the account as senders.',
	},
	// The same user list as every owner field (the account's active users).
	ownerLocator({
		displayName: 'Sender',
		name: 'sender',
		required: true,
		description: 'The user the e-mail comes from: an active user of the account',
		displayOptions: { show: { sendAs: ['user'] } },
	}),
	{
		displayName: 'Content',
		name: 'content',
		type: 'options',
		default: 'html',
		options: [
			{ name: 'HTML', value: 'html', description: 'A subject and a body written here (EmailType Html)' },
			{ name: 'Template', value: 'template', description: "A template of the account's e-mail library (EmailType Template)" },
		],
		description: 'What the e-mail holds',
	},
	{
		displayName: 'Subject',
		name: 'subject',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Welcome, {{ $json.FirstName }}',
		displayOptions: forHtml,
	},
	{
		displayName: 'HTML Content',
		name: 'html',
		type: 'string',
		typeOptions: { rows: 6 },
		required: true,
		default: '',
		placeholder: 'e.g. <p>Thank you for your interest.</p>',
		description: 'The body of the e-mail (ContentHTML): HTML, or plain text',
		displayOptions: forHtml,
	},
	{
		displayName: 'Template Name',
		name: 'template',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Welcome',
		description: "The name of the template in the account's e-mail library (EmailLibraryName)",
		displayOptions: forTemplate,
	},
	{
		displayName: 'Subject',
		name: 'subject',
		type: 'string',
		default: '',
		description: "A subject to send with the template; the template's own when empty",
		displayOptions: forTemplate,
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'CC',
				name: 'cc',
				type: 'string',
				default: '',
				placeholder: 'e.g. counsellor@example.com',
				description: 'Addresses to copy, separated by commas (CCEmailAddress)',
			},
			{
				displayName: 'Email Category',
				name: 'category',
				type: 'string',
				default: '',
				placeholder: 'e.g. Newsletter',
				description: 'One of the e-mail categories of the account (EmailCategory); LeadSquared fails the e-mail for a category it does not have',
			},
			{
				displayName: 'Include Footer',
				name: 'includeFooter',
				type: 'boolean',
				default: true,
				description: "Whether to add the account's e-mail footer (IncludeEmailFooter)",
			},
			{
				displayName: 'Recipient Email Field',
				name: 'recipientField',
				type: 'string',
				default: '',
				placeholder: 'e.g. mx_Alternate_Email',
				description: "The schema name of the lead's e-mail field the address is in (RecipientEmailFields). LeadSquared looks in every e-mail field of the lead without it; by Lead ID the node reads the address from this field instead of EmailAddress.",
			},
			{
				displayName: 'Schedule',
				name: 'schedule',
				type: 'dateTime',
				default: '',
				description: 'When LeadSquared sends the e-mail (Schedule, sent in UTC); at once when empty',
			},
			{
				displayName: 'Text Content',
				name: 'text',
				type: 'string',
				typeOptions: { rows: 4 },
				default: '',
				description: 'A plain-text version of the body, for mail clients that show no HTML (ContentText)',
			},
		],
	},
	optionsCollection(
		[
			{ ...dateTimezoneOption, description: 'How to read a Schedule such as "2026-05-01 10:30" that carries no time zone. LeadSquared is always sent UTC.' },
			{
				displayName: 'Retry as the API User When the Sender Is Refused',
				name: 'senderFallback',
				type: 'boolean',
				default: false,
				description:
					'Whether to send the e-mail again as the API keys\' user (APICaller) when LeadSquared answers "Invalid Sender details." (nothing was sent then). The output says so with senderFallback: true.',
			},
		],
		sharedOptions({ writes: false }),
	),
];
