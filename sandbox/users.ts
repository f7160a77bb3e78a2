/**
 * The account's users (§11.1 Users): lookups by id and e-mail (case-insensitive) for task and activity
 * owners, and the objects of `Users.Get` and `User/Retrieve/ByUserId`.
 */
import type { UserDefinition } from './crm-types';

export class UserDirectory {
	constructor(private readonly users: UserDefinition[]) {}

	all(): UserDefinition[] {
		return this.users;
	}

	byId(id: string): UserDefinition | undefined {
		const lower = id.trim().toLowerCase();
		return this.users.find((u) => u.id.toLowerCase() === lower);
	}

	byEmail(email: string): UserDefinition | undefined {
		const lower = email.trim().toLowerCase();
		return lower === '' ? undefined : this.users.find((u) => u.emailAddress.toLowerCase() === lower);
	}

	/** An active user by id or e-mail address. */
	active(idOrEmail: string): UserDefinition | undefined {
		const user = this.byId(idOrEmail) ?? this.byEmail(idOrEmail);
		return user && (user.statusCode ?? 0) === 0 ? user : undefined;
	}

	/** 'First Last' of a user id; '' when unknown. */
	nameOf(id: string): string {
		const user = this.byId(id);
		return user ? fullName(user) : '';
	}
}

export function fullName(user: UserDefinition): string {
	return `${user.firstName} ${user.lastName}`.trim();
}

/** An element of `Users.Get` [DOC] https://apidocs.leadsquared.com/get-users sample keys. Inactive users are listed with StatusCode 1. */
export function renderUserSummary(user: UserDefinition): Record<string, unknown> {
	return {
		ID: user.id,
		FirstName: user.firstName,
		LastName: user.lastName,
		EmailAddress: user.emailAddress,
		Role: user.role,
		StatusCode: user.statusCode ?? 0,
		MemberOfGroups: user.groups ?? [],
		Tag: null,
		IsPhoneCallAgent: user.isPhoneCallAgent ?? false,
	};
}

/**
 * The element of `User/Retrieve/ByUserId` and `ByEmailAddress` [DOC] https://apidocs.leadsquared.com/get-user-by-id/
 * sample keys, in the documented order, with `mx_Custom_1…10` and `Groups` [DOC]; StatusCode is [INF] (the
 * owner object of LeadOwner.Get has it); the values not modelled are empty [INF].
 */
export function renderUserDetail(user: UserDefinition, directory: UserDirectory): Record<string, unknown> {
	const custom: Record<string, unknown> = {};
	for (let n = 1; n <= 10; n++) custom[`mx_Custom_${n}`] = null;
	return {
		UserId: user.id,
		FirstName: user.firstName,
		LastName: user.lastName,
		EmailAddress: user.emailAddress,
		AssociatedPhoneNumbers: user.phoneMobile ?? '',
		DateFormat: 'dd/mm/yy',
		TimeZone: user.timeZone ?? 'Asia/Kolkata',
		Role: user.role,
		IsPhoneCallAgent: user.isPhoneCallAgent ?? false,
		OrgId: 40001,
		CompanyName: 'LeadSquared Sandbox',
		UserType: 0,
		ManagerUserId: user.managerUserId ?? '',
		Address: '',
		City: '',
		State: '',
		Country: '',
		ZipCode: '',
		TelephonyAgentId: '',
		ManagerName: user.managerUserId ? directory.nameOf(user.managerUserId) : '',
		PhoneMain: '',
		PhoneMobile: user.phoneMobile ?? '',
		PhoneOthers: '',
		IsCheckedIn: false,
		LastCheckedOn: null,
		LastCheckedIpAddress: null,
		AvailabilityStatus: 'Online',
		Designation: user.designation ?? '',
		Department: '',
		OfficeLocationName: '',
		Skills: '',
		SalesRegions: '',
		StatusCode: user.statusCode ?? 0,
		...custom,
		Groups: (user.groups ?? []).map((name, index) => ({ Id: String(index + 1), Name: name })),
	};
}
