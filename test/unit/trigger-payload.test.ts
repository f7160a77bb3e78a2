/** The trigger's payload mapping (trigger/payload.ts, trigger/fieldKinds.ts): pure functions, no n8n, no HTTP. */
import { parseLeadFields } from '../../nodes/LeadSquared/values/fields';
import { eventByKey, TRIGGER_EVENTS } from '../../nodes/LeadSquared/trigger/events';
import type { TriggerEvent } from '../../nodes/LeadSquared/trigger/events';
import { compactKinds, fieldIndexFromKinds } from '../../nodes/LeadSquared/trigger/fieldKinds';
import { changedFields, guessEvent, itemsOf, readBody } from '../../nodes/LeadSquared/trigger/payload';
import type { MappingOptions } from '../../nodes/LeadSquared/trigger/payload';

const RECEIVED = '2026-05-01T10:00:00.000Z';
const fields = fieldIndexFromKinds(
	compactKinds(
		parseLeadFields([
			{ SchemaName: 'Score', DataType: 'Number' },
			{ SchemaName: 'mx_Newsletter', DataType: 'Boolean' },
			{ SchemaName: 'mx_Date_of_Birth', DataType: 'Date' },
			{ SchemaName: 'mx_City', DataType: 'Text' },
			{ SchemaName: 'mx_KYC', DataType: 'CustomObject', RenderTypeTextValue: 'CustomObject', CustomObjectMetaData: { Fields: [{ SchemaName: 'Amount', DataType: 'Number' }] } },
		]) ?? [],
	),
);
const options: MappingOptions = { typed: true, fields, receivedAt: RECEIVED };
const event = (key: string): TriggerEvent => eventByKey(key) as TriggerEvent;

const lead = {
	ProspectID: 'lead-1',
	FirstName: 'Asha',
	EmailAddress: 'asha@example.com',
	Score: '12',
	mx_Newsletter: '1',
	mx_Date_of_Birth: '1990-04-02 00:00:00.000',
	mx_City: 'Pune',
	mx_KYC: '{"Amount":"2500","Status":"Done"}',
	CreatedOn: '2026-04-30 09:15:02.000',
	ModifiedOn: '2026-04-30 09:20:00.000',
};

describe('readBody: the events of a delivery', () => {
	it('JSON objects and arrays (grouped activities) as parsed by n8n', () => {
		expect(readBody(lead)).toEqual({ kind: 'payloads', payloads: [lead] });
		expect(readBody([{ ProspectActivityId: 'a1' }, { ProspectActivityId: 'a2' }])).toEqual({ kind: 'payloads', payloads: [{ ProspectActivityId: 'a1' }, { ProspectActivityId: 'a2' }] });
	});

	it('a text/plain body holding JSON', () => {
		expect(readBody(JSON.stringify([{ ProspectActivityId: 'a1' }]))).toEqual({ kind: 'payloads', payloads: [{ ProspectActivityId: 'a1' }] });
	});

	it('form fields: nested Before/After/Data as JSON text, grouped activities as one `payload` field', () => {
		const form = { Before: JSON.stringify({ mx_City: 'Pune' }), After: JSON.stringify({ mx_City: 'Delhi' }), Note: '{not json' };
		expect(readBody(form)).toEqual({ kind: 'payloads', payloads: [{ Before: { mx_City: 'Pune' }, After: { mx_City: 'Delhi' }, Note: '{not json' }] });
		expect(readBody({ payload: JSON.stringify([{ ProspectActivityId: 'a1' }, { ProspectActivityId: 'a2' }]) })).toEqual({
			kind: 'payloads',
			payloads: [{ ProspectActivityId: 'a1' }, { ProspectActivityId: 'a2' }],
		});
		expect(readBody({ Data: JSON.stringify({ mx_Custom_1: 'x' }), ProspectActivityId: ['a1', 'a1-dup'] })).toEqual({
			kind: 'payloads',
			payloads: [{ Data: { mx_Custom_1: 'x' }, ProspectActivityId: 'a1' }],
		});
	});

	it('an empty body (a check without payload) carries no event', () => {
		for (const body of [undefined, null, '', '  ', {}, []]) expect(readBody(body)).toEqual({ kind: 'empty' });
	});

	it('text that is not JSON, or JSON that is not records, is unreadable', () => {
		expect(readBody('{"ProspectID": ')).toEqual({ kind: 'unreadable', problem: 'The body is not JSON' });
		expect(readBody('42')).toMatchObject({ kind: 'unreadable' });
		expect(readBody([{ ok: 1 }, 'text'])).toMatchObject({ kind: 'unreadable' });
	});
});

describe('itemsOf: one item per event', () => {
	it('lead events: the event, its time (CreatedOn for creations, ModifiedOn for changes) and the lead typed like "Typed Values"', () => {
		const [created] = itemsOf(event('lead.created'), [lead], options);
		expect(created).toEqual({
			event: 'lead.created',
			eventTime: '2026-04-30T09:15:02.000Z',
			leadId: 'lead-1',
			lead: {
				...lead,
				Score: 12,
				mx_Newsletter: true,
				mx_Date_of_Birth: '1990-04-02',
				mx_KYC: { Amount: 2500, Status: 'Done' },
				CreatedOn: '2026-04-30T09:15:02.000Z',
				ModifiedOn: '2026-04-30T09:20:00.000Z',
			},
		});
		expect(itemsOf(event('lead.ownerChanged'), [lead], options)[0]).toMatchObject({ event: 'lead.ownerChanged', eventTime: '2026-04-30T09:20:00.000Z' });
	});

	it('Typed Values off: the lead as LeadSquared sent it', () => {
		expect(itemsOf(event('lead.updated'), [lead], { ...options, typed: false })[0].lead).toEqual(lead);
	});

	it('a lead field update ({Before, After}) lists the changed fields with typed before/after values; a watched field filters', () => {
		const payload = { Before: { ...lead, mx_City: 'Pune', Score: '12' }, After: { ...lead, mx_City: 'Delhi', Score: '15', ModifiedOn: '2026-04-30 10:00:00.000' } };
		const [item] = itemsOf(event('lead.fieldUpdated'), [payload], options);
		expect(item).toMatchObject({
			event: 'lead.fieldUpdated',
			eventTime: '2026-04-30T10:00:00.000Z',
			leadId: 'lead-1',
			changedFields: ['Score', 'mx_City'],
			changes: { Score: { before: 12, after: 15 }, mx_City: { before: 'Pune', after: 'Delhi' } },
			lead: { mx_City: 'Delhi', Score: 15 },
		});
		expect(itemsOf(event('lead.fieldUpdated'), [payload], { ...options, watchFields: ['mx_city'] })).toHaveLength(1);
		expect(itemsOf(event('lead.fieldUpdated'), [payload], { ...options, watchFields: ['Phone'] })).toEqual([]);
	});

	it('a stage change watched through a lead field update keeps stage changes only', () => {
		const stage = { Before: { ...lead, ProspectStage: 'Prospect' }, After: { ...lead, ProspectStage: 'Customer' } };
		const city = { Before: { ...lead, mx_City: 'Pune' }, After: { ...lead, mx_City: 'Goa' } };
		const items = itemsOf(event('lead.stageChanged'), [stage, city], options);
		expect(items).toHaveLength(1);
		expect(items[0]).toMatchObject({ event: 'lead.stageChanged', changes: { ProspectStage: { before: 'Prospect', after: 'Customer' } } });
	});

	it('grouped activity deliveries split into one item each; the activity type filter drops others', () => {
		const activity = (id: string, type: string) => ({
			ProspectActivityId: id,
			RelatedProspectId: 'lead-1',
			ActivityEvent: type,
			ActivityEventName: 'Form Submitted',
			ActivityDateTime: '2026-04-30 09:00:00',
			CreatedOn: '2026-04-30 09:00:01',
			ModifiedOn: '2026-04-30 09:00:01',
			Score: '5',
			Data: { mx_Custom_1: 'Brochure', Note: 'Hi' },
		});
		const items = itemsOf(event('activity.created'), [activity('a1', '201'), activity('a2', '201'), activity('a3', '202')], { ...options, typeCode: 201 });
		expect(items.map((item) => item.activityId)).toEqual(['a1', 'a2']);
		expect(items[0]).toEqual({
			event: 'activity.created',
			eventTime: '2026-04-30T09:00:01.000Z',
			leadId: 'lead-1',
			activityId: 'a1',
			activityType: 201,
			activityTypeName: 'Form Submitted',
			activity: { ...activity('a1', '201'), ActivityDateTime: '2026-04-30T09:00:00.000Z', CreatedOn: '2026-04-30T09:00:01.000Z', ModifiedOn: '2026-04-30T09:00:01.000Z', Score: 5 },
		});
	});

	it('tasks, opportunities and landing page submissions', () => {
		const task = { UserTaskId: 't1', Name: 'Call', RelatedEntity: 1, RelatedEntityId: 'lead-1', StatusCode: 1, CompletedOn: '2026-04-30 11:00:00', DueDate: '2026-05-01 09:00:00' };
		expect(itemsOf(event('task.completed'), [task], options)[0]).toEqual({
			event: 'task.completed',
			eventTime: '2026-04-30T11:00:00.000Z',
			taskId: 't1',
			leadId: 'lead-1',
			task: { ...task, CompletedOn: '2026-04-30T11:00:00.000Z', DueDate: '2026-05-01T09:00:00.000Z' },
		});
		const opportunity = { ProspectOpportunityId: 'o1', RelatedProspectId: 'lead-1', OpportunityEvent: '12000', mx_Custom_1: 'Law', CreatedOn: '2026-04-30 12:00:00' };
		expect(itemsOf(event('opportunity.created'), [opportunity], options)[0]).toMatchObject({ opportunityId: 'o1', leadId: 'lead-1', opportunityType: 12000, eventTime: '2026-04-30T12:00:00.000Z' });
		expect(itemsOf(event('opportunity.created'), [opportunity], { ...options, typeCode: 12001 })).toEqual([]);
		const submission = { ...lead, LandingPageUrl: 'https://example.com/enquiry', LandingPageName: 'Enquiry' };
		expect(itemsOf(event('landingPage.submitted'), [submission], options)[0]).toMatchObject({
			event: 'landingPage.submitted',
			eventTime: RECEIVED,
			leadId: 'lead-1',
			landingPage: { url: 'https://example.com/enquiry', name: 'Enquiry' },
			lead: { Score: 12 },
		});
		expect(itemsOf(event('landingPage.submitted'), [submission], options)[0].lead).not.toHaveProperty('LandingPageUrl');
	});

	it('without an event header the payload decides; a record without dates is dated when it was received', () => {
		expect(guessEvent({ ProspectActivityId: 'a' }).key).toBe('activity.created');
		expect(guessEvent({ Before: {}, After: {} }).key).toBe('lead.fieldUpdated');
		expect(guessEvent({ UserTaskId: 't' }).key).toBe('task.updated');
		expect(guessEvent({ LandingPageUrl: 'u' }).key).toBe('landingPage.submitted');
		expect(itemsOf(undefined, [{ ProspectID: 'x' }], options)[0]).toEqual({ event: 'lead.updated', eventTime: RECEIVED, leadId: 'x', lead: { ProspectID: 'x' } });
	});
});

describe('events and field kinds', () => {
	it('every event has its own key and LeadSquared code', () => {
		expect(new Set(TRIGGER_EVENTS.map((entry) => entry.key)).size).toBe(TRIGGER_EVENTS.length);
		expect(new Set(TRIGGER_EVENTS.map((entry) => entry.code)).size).toBe(TRIGGER_EVENTS.length);
		expect(Object.fromEntries(TRIGGER_EVENTS.map((entry) => [entry.key, entry.code]))).toEqual({
			'lead.created': 3,
			'lead.updated': 6,
			'lead.fieldUpdated': 26,
			'lead.stageChanged': 5,
			'lead.ownerChanged': 4,
			'lead.scoreChanged': 9,
			'activity.created': 2,
			'activity.updated': 15,
			'task.created': 7,
			'task.completed': 16,
			'task.updated': 17,
			'task.reminder': 8,
			'opportunity.created': 31,
			'opportunity.updated': 32,
			'opportunity.stageChanged': 34,
			'opportunity.deleted': 35,
			'landingPage.submitted': 1,
		});
	});

	it('only the kinds typing changes are kept, custom field sets with their typed sub-fields; junk is skipped', () => {
		expect(compactKinds(parseLeadFields([{ SchemaName: 'mx_City', DataType: 'Text' }, { SchemaName: 'Score', DataType: 'Number' }]) ?? [])).toEqual([['Score', 'number']]);
		expect(fieldIndexFromKinds([['Score', 'number'], 'junk', [1, 2], ['mx_KYC', 'cfs', [['Amount', 'number'], 'x']]]).fields.map((f) => [f.schemaName, f.kind, f.subFields.length])).toEqual([
			['Score', 'number', 0],
			['mx_KYC', 'cfs', 1],
		]);
		expect(fieldIndexFromKinds(undefined).fields).toEqual([]);
	});

	it('changedFields ignores the modification stamps and compares values as text', () => {
		expect(changedFields({ a: '1', b: null, ModifiedOn: 'x' }, { a: 1, b: '', ModifiedOn: 'y', c: 'new' })).toEqual(['c']);
	});
});
