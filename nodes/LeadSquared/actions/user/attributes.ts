/**
 * The user attributes a user search can compare and sort on: the keys of LeadSquared's user record
 * [DOC get-user-by-id, user-advanced-search], as schema name and label.
 */
export const USER_ATTRIBUTES: ReadonlyArray<readonly [string, string]> = [
	['Address', 'Address'],
	['AssociatedPhoneNumbers', 'Associated Phone Numbers'],
	['AvailabilityStatus', 'Availability Status'],
	['City', 'City'],
	['Country', 'Country'],
	['Department', 'Department'],
	['Designation', 'Designation'],
	['EmailAddress', 'Email Address'],
	['FirstName', 'First Name'],
	['LastName', 'Last Name'],
	['ManagerUserId', 'Manager User ID'],
	...Array.from({ length: 10 }, (_, index) => [`mx_Custom_${index + 1}`, `Custom ${index + 1}`] as const),
	['OfficeLocationName', 'Office Location'],
	['PhoneMain', 'Phone (Main)'],
	['PhoneMobile', 'Phone (Mobile)'],
	['Role', 'Role'],
	['SalesRegions', 'Sales Regions'],
	['Skills', 'Skills'],
	['State', 'State'],
	['StatusCode', 'Status Code (0 Active, 1 Deactivated)'],
	['TelephonyAgentId', 'Telephony Agent ID'],
	['UserId', 'User ID'],
	['ZipCode', 'Zip Code'],
];
