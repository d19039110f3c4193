
import { groupPermissions } from './roles';
import { COMMON_TIME_ZONES, timeZoneOptions } from './settings';

describe('admin helpers', () => {
  it('groups permissions by module, keeping the server order', () => {
    const groups = groupPermissions([
      { name: 'Identity.Users', displayName: 'Users' },
      { name: 'Governance.Councils', displayName: 'Councils' },
      { name: 'Identity.Users.Create', displayName: 'Create users' },
    ]);
    expect(groups.map((g) => g.module)).toEqual(['Identity', 'Governance']);
    expect(groups[0].permissions.map((p) => p.name)).toEqual(['Identity.Users', 'Identity.Users.Create']);
  });

  it('offers the current time zone even when it is not a common one', () => {
    expect(timeZoneOptions('America/Chicago')).toBe(COMMON_TIME_ZONES);
    expect(timeZoneOptions('Asia/Kathmandu')[0]).toBe('Asia/Kathmandu');
  });
});
