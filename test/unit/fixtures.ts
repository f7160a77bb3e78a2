/** A small LeadsMetaData.Get answer, shaped like LeadSquared's documented samples. */
export const metadata = [
	{ SchemaName: 'ProspectID', DisplayName: 'Lead Id', DataType: 'Text' },
	{ SchemaName: 'FirstName', DisplayName: 'First Name', DataType: 'Text', MaxLength: '100' },
	{ SchemaName: 'LastName', DisplayName: 'Last Name', DataType: 'Text', MaxLength: '100', IsMandatory: true },
	{ SchemaName: 'EmailAddress', DisplayName: 'Email', DataType: 'Email', IsLeadIdentifier: false, MaxLength: '100' },
	{ SchemaName: 'Phone', DisplayName: 'Phone Number', DataType: 'Phone', IsLeadIdentifier: true, RenderType: 6 },
	{ SchemaName: 'Mobile', DisplayName: 'Mobile Number', DataType: 'Phone', IsLeadIdentifier: true },
	{ SchemaName: 'DoNotEmail', DisplayName: 'Do Not Email', DataType: 'Boolean' },
	{ SchemaName: 'mx_City', DisplayName: 'City', DataType: 'Text', MaxLength: '10' },
	{ SchemaName: 'mx_Annual_Income', DisplayName: 'Annual Income', DataType: 'Number' },
	{ SchemaName: 'mx_Date_of_Birth', DisplayName: 'Date of Birth', DataType: 'Date' },
	{
		SchemaName: 'mx_Course_Interest',
		DisplayName: 'Course Interest',
		DataType: 'Select',
		RenderType: 13,
		RenderTypeTextValue: 'Dropdown',
		Options: [{ Value: 'Engineering' }, { Value: 'Medicine' }],
	},
	{ SchemaName: 'mx_Student_Id', DisplayName: 'Student Id', DataType: 'Text', IsLeadIdentifier: true },
	{
		SchemaName: 'mx_KYC',
		DisplayName: 'KYC',
		DataType: 'CustomObject',
		RenderTypeTextValue: 'CustomObject',
		CustomObjectMetaData: {
			Fields: [{ SchemaName: 'Status' }, { SchemaName: 'mx_CustomObject_1' }, { SchemaName: 'mx_CustomObject_2' }],
		},
	},
];
