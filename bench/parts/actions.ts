// Bench part: the action names of every function, as FUNCTIONS holds them now.
import { FUNCTIONS } from '../../cloudfunctions/core/app/functions';

process.stdout.write(
  JSON.stringify(Object.fromEntries(Object.entries(FUNCTIONS).map(([fn, actions]) => [fn, Object.keys(actions)]))) + '\n',
);
