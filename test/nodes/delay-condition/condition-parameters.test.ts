/**
 * Which parameters the editor shows (and n8n keeps) for each check: n8n drops hidden parameters
 * before a run, so a wrong displayOptions rule would silently change what the node checks.
 */
import { NodeHelpers, type INodeParameters } from 'n8n-workflow';

import { JourneyCondition } from '../../../nodes/JourneyCondition/JourneyCondition.node';

const { properties } = new JourneyCondition().description;
const shown = (values: INodeParameters) => Object.keys(NodeHelpers.getNodeParameters(properties, values, true, false, null, null) ?? {});

describe('Attendance/Survey Condition parameters', () => {
	it('Visit Still Current asks for the visit and its version only', () => {
		expect(shown({ check: 'visitCurrent' })).toEqual(['check', 'visitId', 'visitVersion']);
	});

	it('attendance from the store can wait; from an item field it cannot', () => {
		expect(shown({ check: 'attendance' })).toEqual(['check', 'visitId', 'attendanceSource', 'waitForEvent']);
		expect(shown({ check: 'attendance', attendanceSource: 'field' })).toEqual(['check', 'attendanceSource', 'attendanceValue']);
		expect(shown({ check: 'attendance', waitForEvent: true })).toContain('waitHours');
	});

	it('a survey needs the visit only when counted since the visit', () => {
		expect(shown({ check: 'survey' })).toEqual(expect.arrayContaining(['contactId', 'visitId', 'surveySince', 'waitForEvent']));
		expect(shown({ check: 'survey', surveySince: 'any' })).not.toContain('visitId');
		expect(shown({ check: 'survey', surveySince: 'hours' })).toEqual(expect.arrayContaining(['sinceHours']));
	});

	it('"sent" cannot be waited for; a reply can', () => {
		expect(shown({ check: 'message', messageStatus: 'sent' })).not.toContain('waitForEvent');
		expect(shown({ check: 'message', messageStatus: 'reply' })).toContain('waitForEvent');
		expect(shown({ check: 'message', messageLookup: 'id' })).toEqual(expect.arrayContaining(['messageId']));
	});

	it('contact data checks never offer to wait', () => {
		for (const check of ['tag', 'counter', 'customField', 'date']) {
			expect(shown({ check, waitForEvent: true })).not.toContain('waitForEvent');
			expect(shown({ check })).toContain('contactId');
		}
	});
});
