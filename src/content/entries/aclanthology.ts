// The content script for aclanthology pages: only this site's adapter is bundled in.
import { aclanthology } from '../../sites/aclanthology';
import { startContentScript } from '../start';

startContentScript([aclanthology]);
