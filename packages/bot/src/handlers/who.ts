import type { BotServices } from '../services.js';
import { rolesOf, type Person, type Role } from '../roles.js';

/** The sender of a turn with their roles: who is asking, and what they may see and do. */
export interface Asker {
  readonly person: Person;
  readonly roles: ReadonlySet<Role>;
}

export function askerOf(person: Person, services: BotServices): Asker {
  return { person, roles: rolesOf(person, services.roles) };
}
