/**
 * The state of issue 18's families inside the server (accounts, sales catalog, sent e-mails, queued
 * deletions): how it is built from the options, seeded, reset, reconfigured and closed, and the control
 * methods that read it (SandboxCrmExtraControls). server.ts delegates to this module.
 */
import { CompanyDirectory } from './companies';
import type { CrmState } from './crm';
import type { CrmExtraSandboxOptions, QueuedJob, SandboxAccounts, SandboxCrmExtraControls, SandboxSalesActivity, SentEmail, StoredProduct } from './crm-extra-types';
import { touchesCrmExtraConfig } from './crm-extra-options';
import { JobQueue } from './job-queue';
import type { ResolvedOptions } from './options';
import { Outbox } from './outbox';
import { SALE_FIELD, SalesCatalog } from './sales';

export interface CrmExtraState {
	companies: CompanyDirectory;
	sales: SalesCatalog;
	outbox: Outbox;
	queue: JobQueue;
}

/** `current` reads the options in force (they change with configure). */
export function createCrmExtraState(options: ResolvedOptions, current: () => ResolvedOptions): CrmExtraState {
	return {
		companies: new CompanyDirectory(options.companyTypes),
		sales: new SalesCatalog(options.salesActivity),
		outbox: new Outbox(),
		queue: new JobQueue(() => current().queuedDeletionDelayMs),
	};
}

/** Seeds the accounts and products (at start and on reset). */
export function seedCrmExtra(state: CrmExtraState, options: ResolvedOptions, crm: CrmState, now: number): void {
	state.companies.seed(options.companies, crm.users, now);
	state.sales.seedProducts(options.products, now);
}

/** reset(): e-mails and queued jobs always go; accounts, products and cancellations go with the leads. */
export function resetCrmExtra(state: CrmExtraState, options: ResolvedOptions, crm: CrmState, keepLeads: boolean, now: number): void {
	state.outbox.clear();
	state.queue.clear();
	if (keepLeads) return;
	state.companies.clear();
	state.sales.clearCancellations();
	seedCrmExtra(state, options, crm, now);
}

/** configure(): rebuilds the account types and sales settings; new products replace the old ones. */
export function configureCrmExtra(state: CrmExtraState, options: ResolvedOptions, partial: CrmExtraSandboxOptions, now: number): void {
	if (!touchesCrmExtraConfig(partial)) return;
	state.companies.configure(options.companyTypes);
	state.sales.configure(options.salesActivity);
	if ('products' in partial) state.sales.seedProducts(options.products, now);
}

/** The control methods over the state; the server extends this class and hands it its state. */
export abstract class CrmExtraControls implements SandboxCrmExtraControls {
	protected abstract crmExtra(): { state: CrmExtraState; crm: CrmState };

	accounts(): SandboxAccounts {
		return this.crmExtra().state.companies.snapshot();
	}

	salesActivities(): SandboxSalesActivity[] {
		const { state, crm } = this.crmExtra();
		return salesActivities(state.sales, crm);
	}

	products(): StoredProduct[] {
		return this.crmExtra().state.sales.products.snapshot();
	}

	sentEmails(): SentEmail[] {
		return this.crmExtra().state.outbox.snapshot();
	}

	queuedJobs(): QueuedJob[] {
		return this.crmExtra().state.queue.jobs();
	}

	runQueuedJobs(): number {
		return this.crmExtra().state.queue.runAll();
	}

	queueSettled(): Promise<void> {
		return this.crmExtra().state.queue.settled();
	}
}

function salesActivities(sales: SalesCatalog, crm: CrmState): SandboxSalesActivity[] {
	return crm.activities
		.filter((a) => a.ActivityEvent === sales.setting.code)
		.map((a) => {
			const cancellation = sales.cancellations.get(a.ProspectActivityId.toLowerCase());
			return {
				Id: a.ProspectActivityId,
				ProspectId: a.RelatedProspectId,
				Status: a.Fields.Status ?? '',
				ProductId: a.Fields[SALE_FIELD.product] ?? '',
				Revenue: a.Fields[SALE_FIELD.revenue] ?? '',
				SalesDate: a.Fields[SALE_FIELD.salesDate] ?? '',
				SalesOwner: a.Fields[SALE_FIELD.owner] ?? '',
				Cancelled: cancellation !== undefined,
				Cancellation: cancellation ? { ...cancellation } : null,
			};
		});
}
