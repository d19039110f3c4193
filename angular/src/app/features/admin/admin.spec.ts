import { HttpErrorResponse } from '@angular/common/http';
import { toProblem } from '../../core/problem';
import { count } from './pager';
import { groupPermissions } from './roles';
import { COMMON_TIME_ZONES, timeZoneOptions } from './settings';
import { withJsonErrors } from './text-errors';

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

  it('reads int64 counts sent as strings', () => {
    expect(count('42')).toBe(42);
    expect(count(7)).toBe(7);
    expect(count(null)).toBe(0);
  });

  it('turns a refusal read as text back into problem details with field errors', async () => {
    const body = JSON.stringify({ title: 'Some fields are not valid.', code: 'Framework:ValidationFailed', errors: { adminPassword: ['Required.'] } });
    const failing = () => Promise.reject(new HttpErrorResponse({ status: 400, error: body }));
    const error = await withJsonErrors(failing).catch((e: unknown) => e);
    const problem = toProblem(error);
    expect(problem.code).toBe('Framework:ValidationFailed');
    expect(problem.errors?.['adminPassword']).toEqual(['Required.']);
  });

  it('leaves other failures as they were', async () => {
    const original = new HttpErrorResponse({ status: 502, error: 'Bad gateway' });
    await expect(withJsonErrors(() => Promise.reject(original))).rejects.toBe(original);
  });
});
