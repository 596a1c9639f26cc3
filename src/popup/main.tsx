import { render } from 'preact';
import { App } from './components/App';
import { extensionApi } from './api';
import './popup.css';

render(<App api={extensionApi} />, document.getElementById('app')!);
