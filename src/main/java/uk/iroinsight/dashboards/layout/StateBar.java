package uk.iroinsight.dashboards.layout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;

import uk.iroinsight.dashboards.data.Authority;
import uk.iroinsight.dashboards.data.MartSnapshot;
import uk.iroinsight.dashboards.layout.ViewState.Comparison;
import uk.iroinsight.indicators.Indicator;

/**
 * The choosers at the top of a view: authority, year, and where the view has them indicator,
 * comparison set and region. Each change hands the new state to the view, which navigates to it.
 * All are labelled form fields, reachable and operable by keyboard.
 */
public class StateBar extends HorizontalLayout {

    private final MartSnapshot snapshot;
    private final ViewState state;
    private final Consumer<ViewState> go;

    public StateBar(MartSnapshot snapshot, ViewState state, Consumer<ViewState> go) {
        this.snapshot = snapshot;
        this.state = state;
        this.go = go;
        addClassName("iro-state-bar");
        setWrap(true);
        setAlignItems(FlexComponent.Alignment.BASELINE);
    }

    /** The authority, searchable by name or code. */
    public StateBar withAuthority() {
        ComboBox<Authority> la = new ComboBox<>("Local authority");
        la.setId("choose-la");
        la.setItems((authority, filter) -> authority.name().toLowerCase().contains(filter.toLowerCase())
                || authority.laCode().startsWith(filter), snapshot.authorities());
        la.setItemLabelGenerator(Authority::name);
        snapshot.authority(state.la()).ifPresent(la::setValue);
        la.setAllowCustomValue(false);
        la.setWidth("18em");
        la.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                go.accept(state.withLa(e.getValue().laCode()));
            }
        });
        add(la);
        return this;
    }

    /** The year ending 31 March, latest first. */
    public StateBar withYear() {
        Select<Integer> year = new Select<>();
        year.setLabel("Year ending 31 March");
        year.setId("choose-year");
        List<Integer> years = new ArrayList<>(snapshot.years());
        Collections.reverse(years);
        year.setItems(years);
        year.setItemLabelGenerator(y -> (y - 1) + " to " + y);
        year.setValue(state.year());
        year.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                go.accept(state.withYear(e.getValue()));
            }
        });
        add(year);
        return this;
    }

    /** The indicator, by title, in the catalogue's order. */
    public StateBar withIndicator() {
        ComboBox<Indicator> indicator = new ComboBox<>("Indicator");
        indicator.setId("choose-indicator");
        indicator.setItems(snapshot.catalogue().all());
        indicator.setItemLabelGenerator(Indicator::title);
        snapshot.catalogue().find(state.indicator()).ifPresent(indicator::setValue);
        indicator.setWidth("24em");
        indicator.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                go.accept(state.withIndicator(e.getValue().id()));
            }
        });
        add(indicator);
        return this;
    }

    /** The comparison set: statistical neighbours, region or all of England. */
    public StateBar withComparison() {
        RadioButtonGroup<Comparison> compare = new RadioButtonGroup<>("Compare with");
        compare.setId("choose-compare");
        compare.setItems(Comparison.values());
        compare.setItemLabelGenerator(Comparison::label);
        compare.setValue(state.compare());
        compare.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                go.accept(state.withCompare(e.getValue()));
            }
        });
        add(compare);
        return this;
    }
}
