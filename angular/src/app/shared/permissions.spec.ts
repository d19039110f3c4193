import { PERMISSION_NAME } from '../api/models/permission-name-array';
import { Permission } from './permissions';

describe('Permission', () => {
  it('names every generated permission by its dotted name without dots', () => {
    expect(Permission.GovernanceCouncilsManage).toBe('Governance.Councils.Manage');
    expect(Permission.IdentityUsers).toBe('Identity.Users');
    expect(Object.values(Permission)).toEqual(PERMISSION_NAME);
  });
});
