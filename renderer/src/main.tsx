import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { listenToMenu } from './menuCommands';
import { startPreferences } from './settings/preferences';
import './styles.css';

// The stored language, theme and text size are in place before the first frame, so nothing flashes.
void startPreferences().then(() => {
  listenToMenu();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
