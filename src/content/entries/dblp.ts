// The content script for dblp pages: only this site's adapter is bundled in.
import { dblp } from '../../sites/dblp';
import { startContentScript } from '../start';

startContentScript([dblp]);
