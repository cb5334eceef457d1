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
  /** group name → Map(parameter → the member whose own value it is; absent once a reader changed it). */
  #from = new Map();

  /** Adds `member`; returns the group's values so far, for the member to take. */
  join(name, member, receiver) {
    if (!this.#members.has(name)) {
      this.#members.set(name, new Map());
      this.#values.set(name, new Map());
      this.#from.set(name, new Map());
    }
    this.#members.get(name).set(member, receiver);
    return this.#values.get(name);
  }

  leave(name, member) {
    const members = this.#members.get(name);
    if (!members?.delete(member) || members.size) return;
    this.#members.delete(name);
    this.#values.delete(name);
    this.#from.delete(name);
  }

  /** `changes` (`[[name, value]]`) made in `source`; `committed` for a change that ends (a release, a typed number). */
  publish(name, source, changes, committed) {
    const values = this.#values.get(name);
    if (!values || (!changes.length && !committed)) return;
    for (const [param, value] of changes) {
      values.set(param, value);
      this.#from.get(name).delete(param);
    }
    for (const [member, receiver] of this.#members.get(name)) if (member !== source) receiver(changes, committed);
  }

  /**
   * A new member's own values: the group takes those it does not have yet, and those that
   * came from a member still in the group and later in the document (not from a reader's
   * change, nor from a member that left), which the other members then receive. So the group
   * starts from its first member in document order, whichever member starts first (widgets
   * start as they near the viewport).
   */
  offer(name, member, entries) {
    const values = this.#values.get(name);
    if (!values) return;
    const members = this.#members.get(name);
    const from = this.#from.get(name);
    const taken = [];
    for (const [param, value] of entries) {
      const owner = from.get(param);
      if (values.has(param) && !(members.has(owner) && member.compareDocumentPosition(owner) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
      from.set(param, member);
      if (values.get(param) !== value) taken.push([param, value]);
      values.set(param, value);
    }
    if (taken.length) for (const [other, receiver] of members) if (other !== member) receiver(taken, false);
  }
}
