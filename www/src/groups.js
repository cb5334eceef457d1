// Linked widgets: those with the same `group` name share their same-named parameters. Every
// rule about a value (its range, clamping, the message) is the engine's: this module only
// carries values between widgets.

/**
 * Widgets with the same `group` name. A member publishes the parameters it changed; every
 * other member receives them at once (its engine clamps each into its own range, and it draws
 * in its next animation frame, however many changes arrive in that frame). Received values are
 * never published again, so links cannot loop.
 */
export class Groups {
  /** group name → Map(member element → receiver) */
  #members = new Map();
  /** group name → Map(parameter → value): the values the group agrees on. */
  #values = new Map();

  /** Adds `member`; returns the group's values so far, for the member to take. */
  join(name, member, receiver) {
    if (!this.#members.has(name)) {
      this.#members.set(name, new Map());
      this.#values.set(name, new Map());
    }
    this.#members.get(name).set(member, receiver);
    return this.#values.get(name);
  }

  leave(name, member) {
    const members = this.#members.get(name);
    if (!members?.delete(member) || members.size) return;
    this.#members.delete(name);
    this.#values.delete(name);
  }

  /** `changes` (`[[name, value]]`) made in `source`; `committed` for a change that ends (a release, a typed number). */
  publish(name, source, changes, committed) {
    const values = this.#values.get(name);
    if (!values || (!changes.length && !committed)) return;
    for (const [param, value] of changes) values.set(param, value);
    for (const [member, receiver] of this.#members.get(name)) if (member !== source) receiver(changes, committed);
  }

  /** Adds values the group does not have yet (a new member's own). */
  offer(name, entries) {
    const values = this.#values.get(name);
    if (values) for (const [param, value] of entries) if (!values.has(param)) values.set(param, value);
  }
}
