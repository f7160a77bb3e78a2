import { FieldIndex, parseLeadFields } from '../../nodes/LeadSquared/values/fields';
import { flattenProperties, typedRecord, typedValue } from '../../nodes/LeadSquared/values/typed';

const fields = new FieldIndex(
	parseLeadFields([
		{ SchemaName: 'Score', DataType: 'Number' },
		{ SchemaName: 'DoNotEmail', DataType: 'Boolean' },
		{ SchemaName: 'mx_Date_of_Birth', DataType: 'Date' },
		{ SchemaName: 'mx_Enrolled_On', DataType: 'DateTime' },
		{ SchemaName: 'FirstName', DataType: 'Text' },
		{
			SchemaName: 'mx_KYC',
			DataType: 'CustomObject',
			RenderTypeTextValue: 'CustomObject',
			CustomObjectMetaData: { Fields: [{ SchemaName: 'Verified', DataType: 'Boolean' }, { SchemaName: 'Status', DataType: 'Text' }] },
		},
	]) ?? [],
);

describe('Typed Values', () => {
	it('converts by the field type: numbers, booleans, dates in ISO 8601 UTC, custom field sets', () => {
		expect(
			typedRecord(
				{
					Score: '-10',
					DoNotEmail: '0',
					mx_Date_of_Birth: '1990-05-17 00:00:00.000',
					mx_Enrolled_On: '2017-11-30 07:40:18.000',
					CreatedOn: '2024-05-01 10:30:00.000',
					ProspectAutoId: '1016',
					FirstName: '0012',
					mx_KYC: '{"Verified":"1","Status":"Pending"}',
					mx_Unknown: '12',
				},
				fields,
			),
		).toEqual({
			Score: -10,
			DoNotEmail: false,
			mx_Date_of_Birth: '1990-05-17',
			mx_Enrolled_On: '2017-11-30T07:40:18.000Z',
			CreatedOn: '2024-05-01T10:30:00.000Z',
			ProspectAutoId: 1016,
			FirstName: '0012',
			mx_KYC: { Verified: true, Status: 'Pending' },
			mx_Unknown: '12',
		});
	});

	it('keeps what does not fit its type, and turns empty typed values into null', () => {
		expect(typedValue('number', 'n/a')).toBe('n/a');
		expect(typedValue('number', '')).toBeNull();
		expect(typedValue('boolean', 'maybe')).toBe('maybe');
		expect(typedValue('dateTime', 'soon')).toBe('soon');
		expect(typedValue('text', '')).toBe('');
		expect(typedValue('number', null)).toBeNull();
	});

	it('flattens LeadPropertyList rows', () => {
		expect(flattenProperties([{ Attribute: 'FirstName', Value: 'Ann' }, { Attribute: 'Score', Value: null }, { bogus: 1 }])).toEqual({
			FirstName: 'Ann',
			Score: null,
		});
	});
});
