// What an unpack did not reproduce exactly, for the user: one line per kind of thing,
// naming a few of the entries, so a layer with ten thousand device nodes says so once.

const SHOWN = 5;

export class Notes {
  #groups = new Map<string, string[]>();

  add(message: string, entry?: string): void {
    let entries = this.#groups.get(message);
    if (!entries) this.#groups.set(message, (entries = []));
    if (entry !== undefined) entries.push(entry);
  }

  list(): string[] {
    return [...this.#groups].map(([message, entries]) => {
      if (entries.length === 0) return message;
      const shown = entries.slice(0, SHOWN).map((e) => JSON.stringify(e)).join(', ');
      const more = entries.length > SHOWN ? ` and ${entries.length - SHOWN} more` : '';
      return `${message}: ${shown}${more}`;
    });
  }
}
