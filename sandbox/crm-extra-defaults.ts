/**
 * The default account configuration of issue 18's families: account types with their fields and account
 * activity types, seed accounts, products, and the sales activity settings. Every function returns fresh
 * objects. The values are invented; the shapes follow the documented samples named in each comment.
 */
import type { CompanySeed, CompanyTypeDefinition, ProductDefinition, SalesActivitySetting } from './crm-extra-types';

/** Partners and Vendors (the type names of the documented samples [DOC create-an-account, bulk]), each with its account activity types (codes of the samples: 10001, 10002). */
export function defaultCompanyTypes(): CompanyTypeDefinition[] {
	const status = { schemaName: 'Status', displayName: 'Status', dataType: 'Dropdown' as const, options: ['Active', 'Inactive'] };
	const owner = { schemaName: 'Owner', displayName: 'Owner', dataType: 'ActiveUsers' as const };
	return [
		{
			name: 'Partners',
			fields: [
				{ schemaName: 'mx_Industry', displayName: 'Industry', dataType: 'Select', options: ['Education', 'Finance', 'Healthcare', 'Retail'] },
				{ schemaName: 'mx_Employees', displayName: 'Employees', dataType: 'Number' },
				{ schemaName: 'mx_Partner_Since', displayName: 'Partner Since', dataType: 'Date' },
			],
			activityTypes: [
				{
					code: 10001,
					name: 'Partner Meeting',
					fields: [
						{ ...status },
						{ ...owner },
						{ schemaName: 'mx_Custom_1', displayName: 'Agenda', dataType: 'String', mandatory: true },
						{ schemaName: 'mx_Custom_2', displayName: 'Meeting Date', dataType: 'DateTime' },
					],
				},
				{
					code: 10002,
					name: 'Contract Signed',
					fields: [
						{ ...status },
						{ ...owner },
						{ schemaName: 'mx_Custom_1', displayName: 'Contract Value', dataType: 'Number', mandatory: true },
					],
				},
			],
		},
		{
			name: 'Vendors',
			fields: [{ schemaName: 'mx_Payment_Terms', displayName: 'Payment Terms', dataType: 'Select', options: ['Net 15', 'Net 30', 'Net 60'] }],
			activityTypes: [
				{
					code: 10003,
					name: 'Purchase Order',
					fields: [{ ...status }, { ...owner }, { schemaName: 'mx_Custom_1', displayName: 'PO Number', dataType: 'String', mandatory: true }],
				},
			],
		},
	];
}

/** Two partners and a vendor. */
export function defaultCompanies(): CompanySeed[] {
	return [
		{
			type: 'Partners',
			values: {
				CompanyId: 'b35334e6-24a2-466c-a3ae-200bcafa680e',
				CompanyName: 'Acme Learning Pvt Ltd',
				Phone: '+91-8923748971',
				Website: 'www.acmelearning.example',
				City: 'Bangalore',
				State: 'Karnataka',
				Country: 'India',
				Stage: 'Partner',
				mx_Industry: 'Education',
				mx_Employees: '120',
			},
		},
		{
			type: 'Partners',
			values: {
				CompanyId: '82a19544-ef4f-4cef-a09c-d68b939742f9',
				CompanyName: 'Northwind Finance',
				Phone: '+91-8928391232',
				Website: 'www.northwind.example',
				City: 'Mumbai',
				State: 'Maharashtra',
				Country: 'India',
				Stage: 'Prospect',
				mx_Industry: 'Finance',
			},
		},
		{
			type: 'Vendors',
			values: {
				CompanyId: '5f0c2a8e-3d4b-4e1a-9c7f-1b2d3e4f5a6b',
				CompanyName: 'Water Services',
				Phone: '+91-1234123415',
				City: 'Delhi',
				Country: 'India',
				mx_Payment_Terms: 'Net 30',
			},
		},
	];
}

/** Three products (SKU and name; the derived ProductName reads "<SKU> - <Name>" as in the documented "01 - Sample Product"). */
export function defaultProducts(): ProductDefinition[] {
	return [
		{ id: '3c8c8d02-8374-11e7-ab78-02de49b06427', sku: '01', name: 'Sample Product', description: 'The documented sample product' },
		{ id: '3439951a-0e8c-11e5-981b-22000a9700b4', sku: 'ENG-101', name: 'Engineering Course', description: 'Four-year B.Tech programme' },
		{ id: '4d2e6f1a-9b3c-11e9-8a7d-0a58ac14d3c2', sku: 'MBA-201', name: 'MBA Programme', description: 'Two-year MBA' },
	];
}

/**
 * The settings of the documented sample [DOC] https://apidocs.leadsquared.com/get-sales-activity-settings/
 * (name, currency, customer stage); the codes are [INF] (no source states them); the rupee is the
 * sandbox account's currency [INF].
 */
export function defaultSalesActivitySetting(): SalesActivitySetting {
	return {
		code: 98,
		cancelCode: 99,
		name: 'Sales Activity - New',
		displayName: 'Sales Activity',
		currencySymbol: '₹',
		currencyAbbreviation: 'INR',
		currencyName: 'Indian Rupee',
		customerStageName: 'Customer',
		convertToCustomer: true,
		customFields: [
			{ schemaName: 'mx_Custom_5', displayName: 'Quantity', dataType: 'Number' },
			{ schemaName: 'mx_Custom_6', displayName: 'Product Version', dataType: 'String' },
		],
	};
}
