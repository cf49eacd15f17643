package uk.iroinsight.dashboards.admin;

import java.util.Optional;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.PasswordField;

import uk.iroinsight.security.PasswordPolicy;

/**
 * A new password: generated ({@link PasswordPolicy#generate()}, the default) or typed by the
 * admin, then checked by {@link PasswordPolicy} like any other.
 */
final class PasswordChoice extends Div {

    static final String GENERATE = "Generate a password", TYPE = "Type a password";

    private final RadioButtonGroup<String> choice = new RadioButtonGroup<>();
    private final PasswordField typed = new PasswordField("Password");

    PasswordChoice(String idPrefix, String label) {
        choice.setLabel(label);
        choice.setId(idPrefix + "-choice");
        choice.setItems(GENERATE, TYPE);
        choice.setValue(GENERATE);
        typed.setId(idPrefix + "-typed");
        typed.setHelperText("At least " + PasswordPolicy.MIN_LENGTH + " characters; not a common password, a run or repeat, the "
                + "user name or the product's name. A few unrelated words make a good one.");
        typed.setWidth("22em");
        typed.setVisible(false);
        choice.addValueChangeListener(e -> {
            typed.setVisible(TYPE.equals(e.getValue()));
            typed.clear();
        });
        add(choice, typed);
        getStyle().set("display", "flex").set("flex-direction", "column");
    }

    /** The password to set: the one typed, or a new random one. */
    String password() {
        return TYPE.equals(choice.getValue()) ? typed.getValue() : PasswordPolicy.generate();
    }

    /** The password shown once in a dialog, or empty when the admin typed it (they know it). */
    Optional<String> toShow(String password) {
        return TYPE.equals(choice.getValue()) ? Optional.empty() : Optional.of(password);
    }

    void reset() {
        typed.clear();
        choice.setValue(GENERATE);
    }
}
