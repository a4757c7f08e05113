import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { FormattedMessage } from 'react-intl';
import { App } from './App';
import { I18nProvider, startingLanguage } from './i18n/I18nProvider';
import { loadRuntimeConfig } from './runtime-config';
import './styles.css';

const root = createRoot(document.getElementById('root') as HTMLElement);
// The configuration and the officer's language are fetched together, before the first render.
startingLanguage().then((language) =>
  loadRuntimeConfig().then(
    (config) =>
      root.render(
        <StrictMode>
          <I18nProvider start={language}>
            <App config={config} />
          </I18nProvider>
        </StrictMode>,
      ),
    (e: Error) =>
      root.render(
        <I18nProvider start={language}>
          <p className="error">
            <FormattedMessage id="app.cannotStart" values={{ reason: e.message }} />
          </p>
        </I18nProvider>,
      ),
  ),
);
