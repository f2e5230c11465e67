/** Role names in Chinese (ROLE_LABELS of shared/domain/roles) for the signed-in user and the demo-user picker. */
import { ROLE_LABELS, ROLES, type Role } from '../../shared/domain/roles';

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function roleText(role: string): string {
  return isRole(role) ? ROLE_LABELS[role] : role;
}

/** '网格员、民警'; a user without roles is a resident. */
export function rolesText(roles: readonly string[]): string {
  return roles.map(roleText).join('、') || ROLE_LABELS.resident;
}

/** Whether the user works in the staff subpackage (anyone with a role other than resident). */
export function isStaff(roles: readonly string[]): boolean {
  return roles.some((r) => r !== 'resident');
}
