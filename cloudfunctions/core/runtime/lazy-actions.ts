import type { ActionMap } from '../app/action';

/** Loads the actions of one group (a dynamic import of its module). */
export type GroupLoader = () => Promise<ActionMap>;

/**
 * A function's actions as its entry declares them (cloudfunctions/<fn>/index.ts): in groups, each
 * loaded by a dynamic import on the first call of one of its actions. The build keeps a group's
 * modules (and the schemas, tables and modules only it imports) from running, and V8 from
 * compiling them, until then: a cold container runs the code of the action it answers and what
 * every action shares, not the whole function (issue #16, bench/README.md "Cold start").
 * `all` loads the function's whole action map (app/<fn>/actions.ts), the authority: an action no
 * group lists, or one its group does not hold, is looked up there.
 */
export class LazyActions {
  private readonly loaderOf = new Map<string, GroupLoader>();

  constructor(
    private readonly all: GroupLoader,
    groups: ReadonlyArray<readonly [names: readonly string[], load: GroupLoader]>,
  ) {
    for (const [names, load] of groups) for (const name of names) this.loaderOf.set(name, load);
  }

  /** The names the groups list, with their loaders (for tests). */
  get listed(): ReadonlyMap<string, GroupLoader> {
    return this.loaderOf;
  }

  /** The actions dispatch needs to answer `event`: the called action alone when a group lists it. */
  async forEvent(event: unknown): Promise<ActionMap> {
    const name = typeof event === 'object' && event !== null ? (event as { action?: unknown }).action : undefined;
    // No action name: dispatch refuses the event without looking an action up.
    if (typeof name !== 'string') return {};
    const load = this.loaderOf.get(name);
    if (load) {
      const group = await load();
      if (Object.prototype.hasOwnProperty.call(group, name)) return { [name]: group[name] };
    }
    return this.all();
  }
}
