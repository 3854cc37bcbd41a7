import { lazy, Suspense } from 'react';
import { Home } from '../home/Home';
import { Report } from '../report/Report';
import { ImportSheet } from '../sheets/ImportSheet';
import { ImportBundle } from '../bundles/ImportBundle';
import { Warnings } from '../warning/Warnings';
import { Series } from '../linkage/Series';
import { AccessRequests } from '../access/AccessRequests';
import { AuditTrail } from '../audit/AuditTrail';
import { TaskForces } from '../task-force/TaskForces';
import { TaskForcePage } from '../task-force/TaskForcePage';
import { I18nProvider, useI18n } from '../i18n/I18nProvider';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { LoginScreen } from '../viewer/LoginScreen';
import { ViewerProvider } from '../viewer/ViewerProvider';
import { Header } from './Header';
import { NavigationProvider, useNavigation } from './Navigation';

/** The workspace (Cytoscape and its layouts) loads only when a canvas is opened: the first screen stays light. */
const Workspace = lazy(() => import('../workspace/Workspace').then((m) => ({ default: m.Workspace })));

function Loading() {
  const { t } = useI18n();
  return <p role="status" className="home">{t('canvas.loading')}</p>;
}

function Screen() {
  const { route, visit } = useNavigation();
  switch (route.name) {
    case 'workspace':
      return <Workspace key={visit} open={route.open} story={route.story} trail={route.trail ?? null} investigationId={null} />;
    case 'investigation':
      return <Workspace key={visit} open={[]} story={null} trail={null} investigationId={route.id} />;
    case 'report':
      return <Report />;
    case 'import':
      return (
        <>
          <ImportSheet />
          <div className="home">
            <ImportBundle />
          </div>
        </>
      );
    case 'warnings':
      return <Warnings key={visit} gang={route.gang} />;
    case 'series':
      return <Series key={visit} offset={route.offset} />;
    case 'access':
      return <AccessRequests key={visit} />;
    case 'audit':
      return <AuditTrail key={visit} />;
    case 'taskForces':
      return <TaskForces key={visit} />;
    case 'taskForce':
      return <TaskForcePage key={visit} id={route.id} />;
    case 'home':
    default:
      return <Home q={route.q} />;
  }
}

/** A crash shows its message until the next navigation, which starts the screen afresh. */
function Guarded() {
  const { visit } = useNavigation();
  return (
    <ErrorBoundary key={visit}>
      <Suspense fallback={<Loading />}>
        <Screen />
      </Suspense>
    </ErrorBoundary>
  );
}

/** Without a session: the header and the login screen, nothing else. */
function SignIn(props: Parameters<typeof LoginScreen>[0]) {
  return (
    <NavigationProvider>
      <div className="app">
        <Header />
        <main id="main" className="app-main">
          <LoginScreen {...props} />
        </main>
      </div>
    </NavigationProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <ViewerProvider login={(props) => <SignIn {...props} />}>
        <NavigationProvider>
          <div className="app">
            <Header />
            <main id="main" className="app-main">
              <Guarded />
            </main>
          </div>
        </NavigationProvider>
      </ViewerProvider>
    </I18nProvider>
  );
}
