package uk.iroinsight.dashboards.layout;

import java.util.Comparator;
import java.util.Optional;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Location;

import uk.iroinsight.dashboards.data.Authority;
import uk.iroinsight.dashboards.data.DashboardData;
import uk.iroinsight.dashboards.data.MartSnapshot;
import uk.iroinsight.dashboards.layout.ViewState.Comparison;

/**
 * What every LA dashboard view shares: its state from the URL with gaps filled by defaults (and
 * the full state written back into the address bar, so a copied link reproduces the view), one
 * snapshot of the marts per rendering, a change of state as a navigation (so back and forward
 * step through the choices), and disclosure control.
 *
 * <p>Disclosure: the snapshot comes from {@link DashboardData#snapshot()}, which answers for the
 * signed-in account (a VIEWER's has small numbers removed already); {@link #suppress()} says
 * whether the view should also format as for a VIEWER.
 */
public abstract class DashboardView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    protected final DashboardData data;
    protected MartSnapshot snapshot;
    protected ViewState state = ViewState.EMPTY;
    private String title = "IRO Insight";

    protected DashboardView(DashboardData data) {
        this.data = data;
        setId("main-content");
        addClassName("iro-view");
        setPadding(true);
    }

    /** The view's route, as in {@link MainLayout}. */
    protected abstract String route();

    /** The state with this view's own gaps filled (LA and year are filled before this). */
    protected ViewState complete(ViewState given) {
        return given;
    }

    /** Builds the view's content for {@link #state} from {@link #snapshot}. */
    protected abstract void render();

    /** Small numbers are suppressed for this account (a VIEWER, or nobody signed in). */
    protected boolean suppress() {
        return data.suppresses();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // A page is built from one build of the marts: if they are rebuilt while it is built
        // (a breakdown read from the warehouse is newer than the snapshot), build it again.
        for (int attempt = 1; ; attempt++) {
            try {
                build(event);
                return;
            } catch (DashboardData.BuildChanged e) {
                if (attempt >= 3) {
                    throw e;
                }
            }
        }
    }

    private void build(BeforeEnterEvent event) {
        snapshot = data.snapshot();
        removeAll();
        if (snapshot.authorities().isEmpty() || snapshot.years().isEmpty()) {
            title = "IRO Insight";
            add(new H1("IRO Insight"), new Paragraph("There are no indicator figures yet: the warehouse is still being prepared "
                    + "or no returns have been loaded."), new Anchor("/" + MainLayout.LOADS, "See the data loads"));
            return;
        }
        ViewState given = ViewState.from(event.getLocation().getQueryParameters());
        state = complete(completeAreaAndYear(given));
        if (!state.equals(given)) {
            Location full = new Location(event.getLocation().getPath(), state.toQueryParameters());
            UI.getCurrent().getPage().getHistory().replaceState(null, full);
        }
        render();
    }

    /** A known authority (else the first with the latest year loaded, by name) and a year with figures (else its latest). */
    private ViewState completeAreaAndYear(ViewState given) {
        String la = snapshot.authority(given.la()).map(Authority::laCode).orElseGet(this::defaultLa);
        Integer year = given.year() != null && snapshot.years().contains(given.year()) ? given.year()
                : snapshot.latestYear(la).orElse(null);
        Comparison compare = given.compare() == null ? Comparison.SN : given.compare();
        return new ViewState(la, year, given.indicator(), compare, given.by(), given.category());
    }

    private String defaultLa() {
        int latest = snapshot.years().get(snapshot.years().size() - 1);
        Optional<Authority> loaded = snapshot.authorities().stream().filter(a -> snapshot.isLoaded(a.laCode(), latest))
                .min(Comparator.comparing(Authority::name));
        return loaded.orElse(snapshot.authorities().get(0)).laCode();
    }

    /** Shows the view for another state: a navigation, so the browser's history holds it. */
    protected void go(ViewState next) {
        go(route(), next);
    }

    /** Opens another view (a drill-down) with a state. */
    protected void go(String otherRoute, ViewState next) {
        UI.getCurrent().navigate(otherRoute, next.toQueryParameters());
    }

    /** The authority the state names. */
    protected Authority authority() {
        return snapshot.authority(state.la()).orElseThrow();
    }

    /** Sets the page's title and adds it as the view's heading. */
    protected H1 heading(String text) {
        title = text + " · IRO Insight";
        H1 h1 = new H1(text);
        add(h1);
        return h1;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
