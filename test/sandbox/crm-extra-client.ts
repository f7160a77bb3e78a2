/**
 * Paths and small helpers for the sandbox tests of issue 18's endpoints: users by e-mail, sales
 * activities and products, accounts and account activities, e-mail, list creation, queued deletions,
 * opportunity details and deletion, note edits.
 */
import type { Sandbox } from '../../sandbox';
import { post } from './crm-client';

export const X = {
	userByEmail: '/v2/UserManagement.svc/User/Retrieve/ByEmailAddress',
	saleCreate: '/v2/SalesActivity.svc/Create',
	saleUpdate: '/v2/SalesActivity.svc/Update',
	saleById: '/v2/SalesActivity.svc/RetrieveActivity',
	salesOfLead: '/v2/SalesActivity.svc/RetrieveByLeadId',
	saleCancel: '/v2/SalesActivity.svc/Cancel',
	saleSetting: '/v2/SalesActivity.svc/RetrieveSetting',
	products: '/v2/SalesActivity.svc/RetrieveProducts',
	productCreate: '/v2/SalesActivity.svc/CreateProduct',
	companyCreate: '/v2/CompanyManagement.svc/Company.Create',
	companyUpdate: '/v2/CompanyManagement.svc/Company.Update',
	companyGet: '/v2/CompanyManagement.svc/Company.Get',
	companyDelete: '/v2/CompanyManagement.svc/Company.Delete',
	companyActivityCreate: '/v2/CompanyActivity.svc/Create',
	companyActivityUpdate: '/v2/CompanyActivity.svc/Update',
	companyActivities: '/v2/CompanyActivity.svc/Retrieve',
	sendEmail: '/v2/EmailMarketing.svc/SendEmailToLead',
	listCreate: '/v2/LeadSegmentation.svc/CreateEmptyList',
	tasksDelete: '/v2/Task.svc/DeleteTasks',
	activitiesDelete: '/v2/ProspectActivity.svc/DeleteActivities',
	opportunityDetails: '/v2/OpportunityManagement.svc/GetOpportunityDetails',
	opportunityDelete: '/v2/OpportunityManagement.svc/Delete',
	noteUpdate: '/v2/LeadManagement.svc/UpdateNote',
	noteDelete: '/v2/LeadManagement.svc/DeleteNote',
};

/** The seeded products and accounts (crm-extra-defaults.ts). */
export const PRODUCT = { id: '3c8c8d02-8374-11e7-ab78-02de49b06427', sku: '01', name: 'Sample Product' };
export const ENGINEERING = { id: '3439951a-0e8c-11e5-981b-22000a9700b4', sku: 'ENG-101' };
export const ACME = { id: 'b35334e6-24a2-466c-a3ae-200bcafa680e', name: 'Acme Learning Pvt Ltd' };
export const NORTHWIND = { id: '82a19544-ef4f-4cef-a09c-d68b939742f9' };

/** Posts an Open sale of the sample product; returns its id. */
export async function newSale(sb: Sandbox, leadId: string, extra: Record<string, unknown> = {}): Promise<string> {
	const res = await post(sb, X.saleCreate, { ProspectId: leadId, ProductSku: PRODUCT.sku, Status: 'Open', Revenue: '1200', SalesDate: '2026-03-01 10:00:00', ...extra });
	if (res.status !== 200) throw new Error(`sale not created: ${res.text}`);
	return res.json.Message.Id as string;
}

/** A `{Attribute, Value}` list from a map. */
export function props(values: Record<string, string>): Array<{ Attribute: string; Value: string }> {
	return Object.entries(values).map(([Attribute, Value]) => ({ Attribute, Value }));
}

/** The companyPropertyList of a Company.Get row as a map. */
export function flatCompany(row: { companyPropertyList: Array<{ Attribute: string; Value: string | null }> }): Record<string, string | null> {
	return Object.fromEntries(row.companyPropertyList.map((p) => [p.Attribute, p.Value]));
}
