// A form sent once however often its submit is retried: the page keeps a client token (`_token`, a
// pure data field: the page's `pureDataPattern` is /^_/) made when it is attached, and sends it with
// the call; the page makes a new one when what it sends becomes another thing (a changed text after a
// refusal, a new form).

/** Sets the page's `_token` from `newToken` once attached. */
export function clientTokenBehavior(newToken: () => string) {
  return Behavior({
    data: { _token: '' },
    lifetimes: {
      attached() {
        this.setData({ _token: newToken() });
      },
    },
  });
}
