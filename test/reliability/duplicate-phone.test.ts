/**
 * Duplicate-phone recovery (§1.3 of the contract): without SearchBy LeadSquared matches on the e-mail and,
 * when the e-mail matches no lead but the phone belongs to one, answers MXDuplicateEntryException "A Lead
 * with same Phone Number already exists." instead of updating that lead. With the option
 * `retryDuplicatePhone` the node retries once with SearchBy=Phone, which updates the phone's lead.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { startSandbox } from '../../sandbox';
import type { Sandbox } from '../../sandbox';
import { disposeN8n, runLeadSquared, sandboxCredentials } from '../harness';
import type { RunResult } from '../harness';
import { attributesOf, autoMap, BULK_ENDPOINT, leadsWithEmail, matchOn, pairsOf, requestsTo, rowsOf, SINGLE_ENDPOINT, UNLIMITED } from './helpers';

const DUPLICATE_PHONE = 'A Lead with same Phone Number already exists.';
const SEARCH_BY_PHONE = { Attribute: 'SearchBy', Value: 'Phone' };

/** Owns the phone the items bring with a new e-mail. */
const OWNER = { EmailAddress: 'owner@example.com', FirstName: 'Owner', LastName: 'Phone', Phone: '+91-9876543210' };
/** Owns a mobile number, and an e-mail address another item tries to take. */
const OTHER = { EmailAddress: 'other@example.com', FirstName: 'Other', LastName: 'Mobile', Mobile: '+91-9000000002' };

/** New e-mail, OWNER's phone: refused as a duplicate phone. */
const MOVED: IDataObject = { EmailAddress: 'moved@example.com', FirstName: 'Moved', LastName: 'Phone', Phone: OWNER.Phone };
const FRESH: IDataObject = { EmailAddress: 'fresh@example.com', LastName: 'Fresh', Phone: '+91-9333333333' };
const UPDATE_OTHER: IDataObject = { EmailAddress: OTHER.EmailAddress, LastName: 'Mobile', FirstName: 'Updated' };

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await startSandbox({ rateLimit: UNLIMITED, bulkRateLimit: UNLIMITED, leads: [OWNER, OTHER] });
});

afterAll(async () => {
	await sandbox.close();
	await disposeN8n();
});

beforeEach(() => sandbox.reset());

type Mode = 'single' | 'batch';

function parameters(retryDuplicatePhone: boolean, mode: Mode, extra: INodeParameters = {}, options: IDataObject = {}): INodeParameters {
	return autoMap(extra, { retryDuplicatePhone, ...(mode === 'batch' ? { sendInBatches: true } : {}), ...options });
}

async function run(items: IDataObject[], params: INodeParameters, continueOnFail = true): Promise<RunResult> {
	return await runLeadSquared({ parameters: params, items, credentials: sandboxCredentials(sandbox), continueOnFail });
}

function owner() {
	const [lead] = sandbox.findLeads((record) => record.Phone === OWNER.Phone);
	return lead;
}

/** The rows sent for one item across the write requests of a mode (a single body, or its bulk row). */
function sentFor(mode: Mode, email: string): unknown[] {
	if (mode === 'single') return requestsTo(sandbox, SINGLE_ENDPOINT).map((entry) => entry.body).filter((body) => attributesOf(body).EmailAddress === email);
	return requestsTo(sandbox, BULK_ENDPOINT).flatMap((entry) => rowsOf(entry.body).filter((row) => attributesOf(row).EmailAddress === email));
}

describe.each<Mode>(['single', 'batch'])('duplicate phone, %s mode', (mode) => {
	const endpoint = mode === 'single' ? SINGLE_ENDPOINT : BULK_ENDPOINT;

	it('option off: the item fails with LeadSquared\'s message and exception type; nothing else is tried', async () => {
		const result = await run([MOVED, FRESH], parameters(false, mode));

		expect(result.items).toHaveLength(2);
		expect(result.items[0]).toEqual({
			json: {
				error: `LeadSquared refused the lead: ${DUPLICATE_PHONE}`,
				details: expect.objectContaining({
					exceptionType: 'MXDuplicateEntryException',
					exceptionMessage: DUPLICATE_PHONE,
					description: expect.stringContaining('MXDuplicateEntryException'),
					itemIndex: 0,
				}),
			},
			pairedItem: { item: 0 },
		});
		expect(result.items[1].json.error).toBeUndefined();
		expect(result.items[1].pairedItem).toEqual({ item: 1 });
		expect(sentFor(mode, MOVED.EmailAddress as string)).toHaveLength(1);
		expect(requestsTo(sandbox, endpoint)).toHaveLength(mode === 'single' ? 2 : 1);
		expect(owner()).toMatchObject(OWNER);
		expect(leadsWithEmail(sandbox, MOVED.EmailAddress as string)).toHaveLength(0);
	});

	it('option off, stop on fail: the run fails with the message, the exception type in the description', async () => {
		const result = await run([MOVED], parameters(false, mode), false);

		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(`LeadSquared refused the lead: ${DUPLICATE_PHONE}`);
		expect(result.error?.description).toContain('MXDuplicateEntryException');
		expect(result.error?.context?.itemIndex).toBe(0);
		expect(requestsTo(sandbox, endpoint)).toHaveLength(1);
	});

	it('option on: retried once with SearchBy=Phone, which updates the phone\'s lead with the new e-mail', async () => {
		const leadsBefore = sandbox.leads().length;
		const ownerId = owner().ProspectID;
		const result = await run([MOVED, FRESH, UPDATE_OTHER], parameters(true, mode, {}, { triggerAutomations: true }));

		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(result.items[0].json).toMatchObject({ leadId: ownerId, retriedWithSearchBy: 'Phone' });
		expect(result.items[0].json.error).toBeUndefined();
		for (const item of result.items.slice(1)) {
			expect(item.json.error).toBeUndefined();
			expect(item.json.retriedWithSearchBy).toBeUndefined();
		}

		// The phone's lead now has the item's e-mail and values; no lead was added for it.
		expect(owner()).toMatchObject({ ...MOVED, ProspectID: ownerId });
		expect(leadsWithEmail(sandbox, OWNER.EmailAddress)).toHaveLength(0);
		expect(sandbox.leads()).toHaveLength(leadsBefore + 1); // FRESH only

		// Exactly two sends of that lead: as given, then the same pairs plus the SearchBy pair.
		const [first, second, ...more] = sentFor(mode, MOVED.EmailAddress as string);
		expect(more).toEqual([]);
		expect(pairsOf(first)).not.toContainEqual(SEARCH_BY_PHONE);
		expect(pairsOf(second)).toEqual([...pairsOf(first), SEARCH_BY_PHONE]);

		const writes = requestsTo(sandbox, endpoint);
		if (mode === 'single') {
			expect(writes).toHaveLength(4); // MOVED twice, FRESH, UPDATE_OTHER
			expect(writes.slice(0, 2).map((entry) => attributesOf(entry.body).EmailAddress)).toEqual([MOVED.EmailAddress, MOVED.EmailAddress]);
		} else {
			// The batch, then one more bulk call with only the refused row.
			expect(writes).toHaveLength(2);
			expect(rowsOf(writes[0].body)).toHaveLength(3);
			expect(rowsOf(writes[1].body)).toHaveLength(1);
		}
		// The retry keeps the automation flag.
		expect(writes.every((entry) => entry.postUpdatedLead === true)).toBe(true);
	});

	it('option on, item without a Phone (its Mobile collides): no retry', async () => {
		const item = { EmailAddress: 'mobile@example.com', LastName: 'Mobile', Mobile: OTHER.Mobile };
		const result = await run([item], parameters(true, mode));

		expect(result.items).toHaveLength(1);
		expect(result.items[0].json.error).toBe(`LeadSquared refused the lead: ${DUPLICATE_PHONE}`);
		expect(result.items[0].json.details).toMatchObject({ exceptionType: 'MXDuplicateEntryException' });
		expect(requestsTo(sandbox, endpoint)).toHaveLength(1);
		expect(pairsOf(sentFor(mode, item.EmailAddress)[0])).not.toContainEqual(SEARCH_BY_PHONE);
	});

	it('option on, Match By already Phone: no second try', async () => {
		// Matched on OWNER's phone; the Mobile belongs to OTHER, so LeadSquared still answers a duplicate phone.
		const item = { EmailAddress: 'matched@example.com', LastName: 'Matched', Phone: OWNER.Phone, Mobile: OTHER.Mobile };
		const result = await run([item], parameters(true, mode, matchOn('Phone')));

		expect(result.items).toHaveLength(1);
		expect(result.items[0].json.error).toBe(`LeadSquared refused the lead: ${DUPLICATE_PHONE}`);
		expect(result.items[0].json.retriedWithSearchBy).toBeUndefined();
		const writes = requestsTo(sandbox, endpoint);
		expect(writes).toHaveLength(1);
		expect(pairsOf(sentFor(mode, item.EmailAddress)[0])).toContainEqual(SEARCH_BY_PHONE);
		expect(owner()).toMatchObject(OWNER);
	});

	it("option on, the retry itself refused: the item fails with the retry's reason after exactly two sends", async () => {
		// The e-mail is OTHER's (so LeadSquared matches OTHER), the phone OWNER's: refused as a duplicate phone;
		// matched on Phone (OWNER) the e-mail then collides with OTHER's.
		const item = { EmailAddress: OTHER.EmailAddress, LastName: 'Clash', Phone: OWNER.Phone };
		const result = await run([item], parameters(true, mode));

		expect(result.items).toHaveLength(1);
		expect(result.items[0].json.error).toBe('LeadSquared refused the lead: A Lead with same Email already exists.');
		expect(result.items[0].json.details).toMatchObject({ exceptionType: 'MXDuplicateEntryException', itemIndex: 0 });
		const sent = sentFor(mode, OTHER.EmailAddress);
		expect(sent).toHaveLength(2);
		expect(pairsOf(sent[1])).toEqual([...pairsOf(sent[0]), SEARCH_BY_PHONE]);
		expect(owner()).toMatchObject(OWNER);
		expect(leadsWithEmail(sandbox, OTHER.EmailAddress)[0]).toMatchObject(OTHER);
	});

	describe('option on, the retry meets a fault', () => {
		afterEach(() => sandbox.configure({ onRequest: undefined }));

		/** Injects `fault` for the request after the first write (i.e. for the retry by phone). */
		function faultTheRetry(fault: Parameters<Sandbox['injectFault']>[0]): void {
			let armed = true;
			sandbox.configure({
				onRequest: (entry) => {
					if (!armed || entry.endpoint !== endpoint) return;
					armed = false;
					sandbox.injectFault({ ...fault, endpoint });
				},
			});
		}

		it('a transient 503: retried within the bound, and the phone\'s lead is updated once', async () => {
			faultTheRetry({ type: 'status', status: 503, count: 1 });
			const ownerId = owner().ProspectID;
			const result = await run([MOVED, FRESH], parameters(true, mode));

			expect(result.items[0].json).toMatchObject({ leadId: ownerId, retriedWithSearchBy: 'Phone' });
			expect(result.items[1].json.error).toBeUndefined();
			const sent = sentFor(mode, MOVED.EmailAddress as string);
			expect(sent).toHaveLength(3); // as given, by phone (503), by phone again
			expect(pairsOf(sent[2])).toEqual(pairsOf(sent[1]));
			expect(owner()).toMatchObject({ ...MOVED, ProspectID: ownerId });
			expect(leadsWithEmail(sandbox, MOVED.EmailAddress as string)).toHaveLength(1);
		});

		it('an HTML page with HTTP 200: the item fails saying so; the other items are unaffected', async () => {
			faultTheRetry({ type: 'html', status: 200, count: 1 });
			const result = await run([MOVED, FRESH], parameters(true, mode));

			expect(result.items).toHaveLength(2);
			expect(result.items[0].json.error).toMatch(/HTML page/);
			expect(result.items[0].pairedItem).toEqual({ item: 0 });
			expect(result.items[1].json.error).toBeUndefined();
			expect(result.items[1].json.leadId).toEqual(expect.any(String));
			expect(sentFor(mode, MOVED.EmailAddress as string)).toHaveLength(2);
			expect(owner()).toMatchObject(OWNER);
			expect(leadsWithEmail(sandbox, MOVED.EmailAddress as string)).toHaveLength(0);
		});
	});
});
