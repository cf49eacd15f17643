package uk.iroinsight.dashboards.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Code;
import com.vaadin.flow.component.html.Paragraph;

/**
 * Shows a new or reset password once, in a dialog: "copy it now; it is not stored". The page
 * keeps no copy once the dialog closes (only its bcrypt hash is in the warehouse).
 */
final class OneTimePassword extends Dialog {

    OneTimePassword(String username, String password, boolean isNew) {
        setId("one-time-password-dialog");
        setHeaderTitle(isNew ? "Account " + username + " created" : "Password of " + username + " reset");
        getElement().setAttribute("aria-label", getHeaderTitle());
        Code shown = new Code(password);
        shown.setId("one-time-password");
        shown.getStyle().set("font-size", "var(--lumo-font-size-l)").set("user-select", "all");
        Paragraph intro = new Paragraph("The password of " + username + " is:");
        Paragraph warning = new Paragraph("Copy it now and give it to them in a safe way: it is not stored and cannot be shown "
                + "again. They can change it on their Account page after signing in.");
        add(intro, new Paragraph(shown), warning);
        Button close = new Button("I have copied it: close", click -> {
            shown.setText("");
            close();
        });
        close.setId("one-time-password-close");
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(close);
        setCloseOnOutsideClick(false);
        addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                removeFromParent();
            }
        });
    }
}
