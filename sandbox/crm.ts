/**
 * Everything of the account beyond leads: the activity/opportunity types, task types and users (from
 * options) and the stored activities, tasks, opportunities and notes. A hard delete of a lead removes
 * its records (lead.deleted, §11.1), as LeadSquared does.
 */
import { randomUUID } from 'node:crypto';

import { ActivityTypeRegistry } from './activity-types';
import type { CrmOptions } from './crm-options';
import type { ActivitySeed, ActivityTypeDefinition, SandboxRecords, StoredActivity, StoredNote, StoredOpportunity, StoredTask, TaskTypeDefinition } from './crm-types';
import type { SandboxEvents } from './events';
import { RecordStore } from './record-store';
import { SANDBOX_USER_ID } from './user';
import { UserDirectory } from './users';
import { formatDateTime } from './values';

export class CrmState {
	activityTypes!: ActivityTypeRegistry;
	taskTypes!: TaskTypeDefinition[];
	users!: UserDirectory;
	readonly activities = new RecordStore<StoredActivity>((a) => a.ProspectActivityId);
	readonly tasks = new RecordStore<StoredTask>((t) => t.UserTaskId);
	readonly opportunities = new RecordStore<StoredOpportunity>((o) => o.ProspectOpportunityId);
	readonly notes = new RecordStore<StoredNote>((n) => n.ProspectNoteId);
	private taskAutoId = 10001;

	constructor(options: CrmOptions, extraTypes: ActivityTypeDefinition[] = []) {
		this.configure(options, extraTypes);
	}

	/**
	 * (Re)builds the registries from the options; stored records are kept. `extraTypes` are activity types
	 * the account has beyond its own (the sales activity types, see sales.ts).
	 */
	configure(options: CrmOptions, extraTypes: ActivityTypeDefinition[] = []): void {
		this.activityTypes = new ActivityTypeRegistry([...options.activityTypes, ...extraTypes]);
		this.taskTypes = options.taskTypes;
		this.users = new UserDirectory(options.users);
	}

	clearRecords(): void {
		this.activities.clear();
		this.tasks.clear();
		this.opportunities.clear();
		this.notes.clear();
		this.taskAutoId = 10001;
	}

	/** 'T10001', 'T10002', … [INF format, after the documented UserTaskAutoId "T10062"]. */
	nextTaskAutoId(): string {
		return `T${this.taskAutoId++}`;
	}

	/** A task type by id or name (case-insensitive). */
	taskType(idOrName: string): TaskTypeDefinition | undefined {
		const lower = idOrName.trim().toLowerCase();
		return this.taskTypes.find((t) => t.id.toLowerCase() === lower) ?? this.taskTypes.find((t) => t.name.toLowerCase() === lower);
	}

	/** Removes a lead's activities, opportunities, notes and tasks (on the lead or on its opportunities). */
	deleteLeadRecords(leadId: string): void {
		const lower = leadId.toLowerCase();
		const ofLead = (id: string): boolean => id.toLowerCase() === lower;
		this.activities.removeWhere((a) => ofLead(a.RelatedProspectId));
		this.opportunities.removeWhere((o) => ofLead(o.RelatedProspectId));
		this.notes.removeWhere((n) => ofLead(n.RelatedProspectId));
		this.tasks.removeWhere((t) => ofLead(t.LeadId));
	}

	/** Deletes a lead's records whenever a lead.deleted event is announced; returns the unsubscribe function. */
	attach(events: SandboxEvents): () => void {
		return events.on((event) => {
			if (event.type === 'lead.deleted' && event.leadId) this.deleteLeadRecords(event.leadId);
		});
	}

	/**
	 * Marks a task completed (StatusCode 1, CompletedOn now) and emits task.completed. Completing a
	 * completed task changes nothing. Returns the task, or undefined for an unknown id.
	 */
	completeTask(taskId: string, events: SandboxEvents, now: number, by: string): StoredTask | undefined {
		const task = this.tasks.get(taskId);
		if (!task || task.StatusCode === 1) return task;
		const before = { StatusCode: task.StatusCode, CompletedOn: task.CompletedOn };
		task.StatusCode = 1;
		task.CompletedOn = formatDateTime(now);
		task.ModifiedBy = by;
		task.ModifiedOn = formatDateTime(now);
		this.tasks.touch(task);
		events.emit({
			type: 'task.completed',
			at: now,
			leadId: task.LeadId || undefined,
			data: structuredClone(task) as unknown as Record<string, unknown>,
			changed: ['StatusCode', 'CompletedOn'],
			before,
		});
		return task;
	}

	/** Stores activities as given (not validated, no events), for volume tests: `Sandbox.seed()`. */
	seedActivities(seeds: readonly ActivitySeed[], now: number): void {
		const stamp = formatDateTime(now);
		for (const seed of seeds) {
			const created = seed.CreatedOn ?? stamp;
			this.activities.add({
				ProspectActivityId: randomUUID(),
				ActivityNote: '',
				ActivityDateTime: created,
				CreatedBy: SANDBOX_USER_ID,
				ModifiedBy: SANDBOX_USER_ID,
				ModifiedOn: created,
				...seed,
				CreatedOn: created,
				Fields: { ...(seed.Fields ?? {}) },
			});
		}
	}

	snapshot(): SandboxRecords {
		return {
			activities: this.activities.snapshot(),
			tasks: this.tasks.snapshot(),
			opportunities: this.opportunities.snapshot(),
			notes: this.notes.snapshot(),
		};
	}
}
