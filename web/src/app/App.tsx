import { Home } from '../home/Home';
import { I18nProvider } from '../i18n/I18nProvider';
import { ViewerProvider } from '../viewer/ViewerProvider';
import { Workspace } from '../workspace/Workspace';
import { Header } from './Header';
import { NavigationProvider, useNavigation } from './Navigation';

function Screen() {
  const { route, visit } = useNavigation();
  switch (route.name) {
    case 'workspace':
      return <Workspace key={visit} open={route.open} story={route.story} investigationId={null} />;
    case 'investigation':
      return <Workspace key={visit} open={[]} story={null} investigationId={route.id} />;
    default:
      return <Home q={route.q} />;
  }
}

export function App() {
  return (
    <I18nProvider>
      <ViewerProvider>
        <NavigationProvider>
          <div className="app">
            <Header />
            <main id="main" className="app-main">
              <Screen />
            </main>
          </div>
        </NavigationProvider>
      </ViewerProvider>
    </I18nProvider>
  );
}
