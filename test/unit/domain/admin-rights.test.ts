import { describe, expect, it } from 'vitest';
import { adminSource, checkTeamEdit, peopleScope } from '../../../src/domain/admin-rights.js';

const none = { envAdmins: [], workspace: null, rosterRoles: null };

describe('adminSource', () => {
  it('takes BATON_ADMINS as the whole list when it is set', () => {
    const env = { ...none, envAdmins: ['U0BOSS'] };
    expect(adminSource('U0BOSS', env)).toBe('env');
    // Not even a workspace owner or a roster admin, once the list is set.
    expect(
      adminSource('U0OWNER', { ...env, workspace: { isAdmin: true, isOwner: true }, rosterRoles: ['admin'] }),
    ).toBeNull();
  });

  it('else trusts the workspace owners and admins, else the roster admin role', () => {
    expect(adminSource('U0A', { ...none, workspace: { isAdmin: true, isOwner: false } })).toBe('workspace');
    expect(adminSource('U0A', { ...none, workspace: { isAdmin: false, isOwner: true } })).toBe('workspace');
    expect(
      adminSource('U0A', {
        ...none,
        workspace: { isAdmin: false, isOwner: false },
        rosterRoles: ['manager', 'admin'],
      }),
    ).toBe('roster');
    expect(adminSource('U0A', { ...none, rosterRoles: ['admin'] })).toBe('roster');
    expect(
      adminSource('U0A', {
        ...none,
        workspace: { isAdmin: false, isOwner: false },
        rosterRoles: ['manager'],
      }),
    ).toBeNull();
    expect(adminSource('U0A', none)).toBeNull();
  });
});

describe('peopleScope', () => {
  it('gives admins everything, managers their team, others nothing', () => {
    expect(peopleScope('U0A', true, null)).toEqual({ kind: 'all' });
    expect(peopleScope('U0M', false, ['manager'])).toEqual({ kind: 'team', managerId: 'U0M' });
    expect(peopleScope('U0S', false, ['sdr'])).toEqual({ kind: 'none' });
  });
});

describe('checkTeamEdit', () => {
  const before = [
    { user: 'U0MINE', roles: ['sdr'], manager: 'U0M' },
    { user: 'U0THEIRS', roles: ['sdr'], manager: 'U0OTHER' },
    { user: 'U0M', roles: ['manager'] },
  ];

  it('lets a manager add, change and remove people on their own team', () => {
    const after = [
      { user: 'U0MINE', roles: ['sdr'], manager: 'U0M', weight: 2 },
      before[1]!,
      before[2]!,
      { user: 'U0NEW', roles: ['ae'], manager: 'U0M' },
    ];
    expect(checkTeamEdit(before, after, 'U0M')).toBeNull();
    expect(checkTeamEdit(before, [before[1]!, before[2]!], 'U0M')).toBeNull();
  });

  it('refuses changes outside the team, moving someone out of it, and giving elevated roles', () => {
    const touched = [before[0]!, { ...before[1]!, weight: 3 }, before[2]!];
    expect(checkTeamEdit(before, touched, 'U0M')).toEqual({ reason: 'outside_team', users: ['U0THEIRS'] });
    const movedOut = [{ ...before[0]!, manager: 'U0OTHER' }, before[1]!, before[2]!];
    expect(checkTeamEdit(before, movedOut, 'U0M')).toEqual({ reason: 'outside_team', users: ['U0MINE'] });
    const noManager = [...before, { user: 'U0NEW', roles: ['sdr'] }];
    expect(checkTeamEdit(before, noManager, 'U0M')).toEqual({ reason: 'outside_team', users: ['U0NEW'] });
    const promoted = [{ ...before[0]!, roles: ['sdr', 'admin'] }, before[1]!, before[2]!];
    expect(checkTeamEdit(before, promoted, 'U0M')).toEqual({ reason: 'role_not_allowed', users: ['U0MINE'] });
  });
});
