// The content script for scholar pages: only this site's adapter is bundled in.
import { scholar } from '../../sites/scholar';
import { startContentScript } from '../start';

startContentScript([scholar]);
