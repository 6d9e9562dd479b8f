export const ROLES = ['marketer', 'sdr', 'ae', 'cs', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles that take leads: inside sales and account executives. */
export const SELLER_ROLES: readonly Role[] = ['sdr', 'ae'];

export const isSeller = (roles: readonly string[]) =>
  roles.some((r) => (SELLER_ROLES as string[]).includes(r));
export const isManager = (roles: readonly string[]) => roles.includes('manager') || roles.includes('admin');
/** Who may bulk-import leads (`/lead import`): marketers, managers and admins. */
export const mayImportLeads = (roles: readonly string[]) => roles.includes('marketer') || isManager(roles);
