/** The viewer: the 3D scene with the panels around it. */

import { Scene } from './scene/Scene.tsx';
import { useViewer } from './store/use-viewer.ts';
import { AlertsPanel } from './ui/AlertsPanel.tsx';
import { ClockControls } from './ui/ClockControls.tsx';
import { Inspector } from './ui/Inspector.tsx';
import { KpiPanel } from './ui/KpiPanel.tsx';
import { Legend } from './ui/Legend.tsx';
import { CameraButtons, ReviewPanel } from './ui/ReviewPanel.tsx';
import { StatusBar } from './ui/StatusBar.tsx';
import { TopBar } from './ui/TopBar.tsx';
import { tr } from './i18n/strings.ts';

export function App(): React.JSX.Element {
  const layout = useViewer((s) => s.layout);
  const review = useViewer((s) => s.review);
  const lang = useViewer((s) => s.lang);
  return (
    <div className="app" lang={lang}>
      <TopBar />
      <ClockControls />
      <main className="stage">
        {layout === null ? <div className="placeholder">{tr(lang, 'loading')}</div> : <Scene layout={layout} />}
        <CameraButtons />
        <Legend />
        <aside className="left">{review ? <ReviewPanel /> : null}</aside>
        <aside className="right">
          <Inspector />
          <AlertsPanel />
          <KpiPanel />
        </aside>
      </main>
      <StatusBar />
    </div>
  );
}
