// Group memberships at a date: ECOWAS before and after the exit of Burkina Faso, Mali and Niger,
// year-only admission dates, and shared groups for matching.
import { groupsOf, isActiveOn, isoDay, membersOf, sharedGroups } from '../../../server/reference/groups';
import { loadReferenceData } from '../../../server/reference/reference-data';

const { groups } = loadReferenceData();

describe('When the groups of a country are asked for at a date', () => {
  it('then Niger is in ECOWAS before 2025-01-29 and out from that day', () => {
    expect(groupsOf(groups, 'NER', '2025-01-28')).toContain('ECOWAS');
    expect(groupsOf(groups, 'NER', '2025-01-29')).not.toContain('ECOWAS');
    expect(groupsOf(groups, 'NER', new Date('2026-03-01T12:00:00Z'))).toEqual(['MIDWA']);
  });

  it('then Nigeria stays in ECOWAS throughout', () => {
    expect(groupsOf(groups, 'NGA', '2025-06-01')).toEqual(expect.arrayContaining(['ECOWAS', 'MIDWA']));
    expect(
      membersOf(
        groups.find((g) => g.code === 'ECOWAS')!,
        '2025-06-01',
      ),
    ).not.toEqual(expect.arrayContaining(['BFA']));
  });

  it('then a later admission counts from its date only (Somalia joined the EAC in 2024)', () => {
    expect(groupsOf(groups, 'SOM', '2023-06-30')).not.toContain('EAC');
    expect(groupsOf(groups, 'SOM', '2024-06-30')).toContain('EAC');
  });

  it('then without a date today is meant, and the result is sorted', () => {
    const today = groupsOf(groups, 'KEN');
    expect(today).toEqual(groupsOf(groups, 'KEN', isoDay()));
    expect(today).toEqual([...today].sort());
    expect(today).toEqual(expect.arrayContaining(['COMESA', 'EAC', 'IGAD', 'IGAD-RCP']));
  });

  it('then Kenya and Ethiopia share IGAD and COMESA, Kenya and Switzerland nothing', () => {
    expect(sharedGroups(groups, 'KEN', 'ETH', '2025-06-01')).toEqual(['COMESA', 'IGAD', 'IGAD-RCP']);
    expect(sharedGroups(groups, 'KEN', 'CHE')).toEqual([]);
  });

  it('then the activity rule is since ≤ day < until, and bad dates are refused', () => {
    expect(isActiveOn({ since: '2020-01-01', until: '2020-01-02' }, '2020-01-01')).toBe(true);
    expect(isActiveOn({ since: '2020-01-01', until: '2020-01-02' }, '2020-01-02')).toBe(false);
    expect(isActiveOn({}, '1900-01-01')).toBe(true);
    expect(() => groupsOf(groups, 'KEN', '1/2/2025')).toThrow(RangeError);
  });
});
