/**
 * Defaults and resolution of the options of accounts, sales activities, e-mail, queued deletions, list
 * creation and opportunity deletion (issue 18). `options.ts` merges them into ResolvedOptions; the meaning
 * of each is documented in crm-extra-types.ts and sandbox/README-more.md.
 */
import { defaultCompanies, defaultCompanyTypes, defaultProducts, defaultSalesActivitySetting } from './crm-extra-defaults';
import type { CrmExtraSandboxOptions, SalesActivitySetting } from './crm-extra-types';

export type CrmExtraOptions = Required<Omit<CrmExtraSandboxOptions, 'salesActivity'>> & { salesActivity: SalesActivitySetting };

export function crmExtraDefaults(): CrmExtraOptions {
	return {
		companyTypes: defaultCompanyTypes(),
		companies: defaultCompanies(),
		companyMaxPageSize: 1000,
		companyUnknownColumns: 'error',
		salesActivity: defaultSalesActivitySetting(),
		salesActivityTypesListed: false,
		salesUpdateStatus: 'ignore',
		products: defaultProducts(),
		productsAnswer: 'list',
		emailSendAnswer: 'campaign',
		emailApiCallerSender: true,
		emailDeliveryRefused: false,
		emailCategories: ['Newsletter', 'Transactional'],
		emailTemplates: ['Welcome', 'Follow Up'],
		queuedDeletionDelayMs: 20,
		listDuplicateNames: 'error',
		opportunityDeleteAllowed: true,
	};
}

/** Writes into `next` the keys present in `partial`; a key given as undefined goes back to its default. */
export function mergeCrmExtraOptions(next: CrmExtraOptions, partial: CrmExtraSandboxOptions): void {
	const defaults = crmExtraDefaults();
	const target = next as unknown as Record<string, unknown>;
	const given = partial as Record<string, unknown>;
	for (const key of Object.keys(defaults) as Array<keyof CrmExtraOptions>) {
		if (!Object.prototype.hasOwnProperty.call(partial, key)) continue;
		if (key === 'salesActivity') next.salesActivity = { ...defaults.salesActivity, ...structuredClone(partial.salesActivity ?? {}) };
		else target[key] = structuredClone(given[key] ?? defaults[key]);
	}
}

/** Whether `partial` touches what the account registries are built from (types, settings, seeds). */
export function touchesCrmExtraConfig(partial: CrmExtraSandboxOptions): boolean {
	return ['companyTypes', 'salesActivity', 'products'].some((key) => Object.prototype.hasOwnProperty.call(partial, key));
}

/**
 * Whether opportunities of type `code` can be deleted ("Allow Delete" of the type [DOC delete-an-opportunity]):
 * `opportunityDeleteAllowed` true (all), false (none) or the codes. One answer for OpportunityManagement.svc/Delete
 * and for the `CanDelete` that GetOpportunityTypes and GetOpportunityTypeMetadata report.
 */
export function opportunityDeletable(allowed: boolean | number[], code: number): boolean {
	return Array.isArray(allowed) ? allowed.includes(code) : allowed;
}
