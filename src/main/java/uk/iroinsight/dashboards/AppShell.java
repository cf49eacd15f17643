package uk.iroinsight.dashboards;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;

/** The page shell of every view: server push, so a running load's progress reaches open pages. */
@Push
public class AppShell implements AppShellConfigurator {
}
