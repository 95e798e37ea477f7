/**
 * The side panel stays open while the reader moves between tabs, so it re-asks for the active tab's state when
 * the active tab changes, or when a tab finishes loading or changes URL (single-page sites).
 */
import { ReaderApp } from '../ui/components/ReaderApp';
import { useActiveTabChanges } from './use-active-tab-changes';

export function SidePanelApp() {
  const changes = useActiveTabChanges();
  return <ReaderApp variant="sidepanel" refreshKey={changes} />;
}
