// The fixed choices of the forms that come before any data (诉求类别, 活动类别, 表决事项, the kinds of
// a team, a service need and a report):
// whoami carries them, from the server's one table of each (issue #11 §1). The app keeps whoami, so
// reading them costs no call once the page knows its caller. Empty until the answer has come.
import type { FormOptions } from '../../typings/api';
import { me } from '../services/session';

/** The whoami's options; every list empty when whoami did not answer. */
export async function formOptions(): Promise<FormOptions> {
  const who = await me();
  return who.ok
    ? who.data.options
    : { requestCategories: [], activityCategories: [], matters: [], teamKinds: [], needKinds: [], reportKinds: [] };
}
