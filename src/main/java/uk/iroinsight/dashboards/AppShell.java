package uk.iroinsight.dashboards;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.Theme;

/**
 * The page shell of every view: server push, so a running load's progress reaches open pages,
 * and the product's theme ({@code src/main/frontend/themes/iro}, over Lumo).
 */
@Push
@Theme("iro")
public class AppShell implements AppShellConfigurator {
}
