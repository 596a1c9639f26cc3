import { render } from 'preact';
import { App } from './components/App';
import { extensionApi } from './api';
import { localFirstPaint } from './first-paint';
import { createReadingListState } from './state';
import './popup.css';

// Started before the first render: the background is asked for the list while that render draws the popup's
// copy of the newest papers from its last open.
const state = createReadingListState(extensionApi, { firstPaint: localFirstPaint() });
state.start();
render(<App api={extensionApi} state={state} />, document.getElementById('app')!);
