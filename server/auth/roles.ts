// Organizer roles, from most to least powerful. A role may do everything the roles after it may.
export const roles = ['admin', 'organizer', 'viewer'] as const;
export type Role = (typeof roles)[number];

/** True when `role` is at least `needed` (admin ⊃ organizer ⊃ viewer). */
export function roleAllows(role: Role, needed: Role): boolean {
  return roles.indexOf(role) <= roles.indexOf(needed);
}
