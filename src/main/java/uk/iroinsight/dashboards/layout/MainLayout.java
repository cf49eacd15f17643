package uk.iroinsight.dashboards.layout;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Footer;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.spring.security.AuthenticationContext;

import uk.iroinsight.security.Access;
import uk.iroinsight.security.CurrentAccess;

/**
 * The frame of every page: the product name, a skip link to the content, and the navigation
 * between the views (PRODUCT.md §4). Links to the LA views keep the query string of the page
 * they are on, so moving between views keeps the chosen authority, year and indicator.
 */
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    /** The routes of the views, for links and navigation. */
    public static final String OVERVIEW = "", EXPLORER = "explorer", BREAKDOWN = "breakdown", REGION = "region",
            SCORECARD = "scorecard", LOADS = "loads", DOWNLOADS = "downloads", RECORDS = "records", USERS = "users",
            AUDIT = "audit", ACCOUNT = "account";

    private final SideNav nav = new SideNav();
    private final SideNavItem overview = new SideNavItem("Overview", "/");
    private final SideNavItem explorer = new SideNavItem("Indicator explorer", "/" + EXPLORER);
    private final SideNavItem breakdown = new SideNavItem("Breakdown", "/" + BREAKDOWN);
    private final SideNavItem region = new SideNavItem("Regional forum", "/" + REGION);
    private final SideNavItem scorecard = new SideNavItem("Members' scorecard", "/" + SCORECARD);
    private final SideNavItem loads = new SideNavItem("Data loads", "/" + LOADS);
    private final SideNavItem downloads = new SideNavItem("Analyst downloads", "/" + DOWNLOADS);
    private final SideNavItem users = new SideNavItem("Users", "/" + USERS);
    private final SideNavItem audit = new SideNavItem("Audit trail", "/" + AUDIT);

    /**
     * The navigation shows only the views the account may open (the views check again on the
     * server); the bar says who is signed in, with their role, and offers sign-out.
     */
    public MainLayout(CurrentAccess currentAccess, AuthenticationContext authentication) {
        Access access = currentAccess.get();
        addClassName("iro-layout");
        Anchor skip = new Anchor("#main-content", "Skip to content");
        skip.addClassName("iro-skip-link");
        Span title = new Span("IRO Insight");
        title.addClassName("iro-product-name");
        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel("Show or hide the navigation");
        addToNavbar(skip, toggle, title);
        if (access.signedIn()) {
            Anchor who = new Anchor("/" + ACCOUNT, access.username() + " (" + access.role().label()
                    + (access.laCode() == null ? "" : ", " + access.laCode()) + ")");
            who.setId("signed-in-as");
            who.getElement().setAttribute("title", "Your account: change your password");
            who.addClassName("iro-signed-in");
            Button signOut = new Button("Sign out", click -> authentication.logout());
            signOut.setId("sign-out");
            signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            addToNavbar(who, signOut);
        }

        nav.setLabel("Views");
        nav.addItem(overview, explorer, breakdown, region, scorecard);
        if (access.mayDownloadUnsuppressed()) {
            nav.addItem(downloads);
        }
        if (access.isAdmin()) {
            nav.addItem(loads, users, audit);
        }
        Footer footer = new Footer(new Span("Synthetic demo and public DfE data. [c] suppressed, [x] not available, [z] not applicable."));
        footer.addClassName("iro-footer");
        addToDrawer(nav, footer);
        setPrimarySection(Section.DRAWER);
    }

    /** The LA views' links carry the current query string (authority, year, indicator...). */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        QueryParameters state = ViewState.from(event.getLocation().getQueryParameters()).toQueryParameters();
        for (SideNavItem item : new SideNavItem[] {overview, explorer, breakdown, region, scorecard}) {
            item.setQueryParameters(state);
        }
    }
}
