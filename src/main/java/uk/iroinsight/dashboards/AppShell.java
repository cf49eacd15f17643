package uk.iroinsight.dashboards;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.LoadDependenciesOnStartup;
import com.vaadin.flow.theme.Theme;

/**
 * The page shell of every view: server push, so a running load's progress reaches open pages,
 * and the product's theme ({@code src/main/frontend/themes/iro}, over Lumo). Every view's
 * components (the chart component among them) load with the first page rather than per route:
 * with no view at the route "" the production bundle would otherwise load them only on
 * navigation to a view that uses them, and never for a route the build does not see (the
 * browser tests' test views).
 */
@Push
@LoadDependenciesOnStartup
@Theme("iro")
public class AppShell implements AppShellConfigurator {
}
