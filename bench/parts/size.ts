// Bench part: bytes of the built mini-program, main package vs subpackages.
import path from 'node:path';
import { measureMiniprogram } from '../lib/mp-size';
import { writeResult } from '../lib/io';

writeResult(measureMiniprogram(path.resolve(process.cwd(), 'miniprogram')));
