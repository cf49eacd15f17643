package uk.iroinsight.dashboards;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.LoadDependenciesOnStartup;
import com.vaadin.flow.theme.Theme;

/**
 * The page shell of every view: server push, so a running load's progress reaches open pages,
 * and the product's theme ({@code src/main/frontend/themes/iro}, over Lumo). Every component's
 * browser code loads with the first page: the chart element is used by several views (and by the
 * test-only chart page, which the production build cannot see), so it must not sit in one
 * route's lazily loaded chunk; moving between views then needs no further download.
 */
@Push
@LoadDependenciesOnStartup
@Theme("iro")
public class AppShell implements AppShellConfigurator {
}
