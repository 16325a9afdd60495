package dev.fulmar.app.ui;

import dev.fulmar.app.i18n.Messages;
import dev.fulmar.control.message.Failure;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * A failed connection in plain language: the reason, what to do about it, and a folded
 * "details" section with the failed step, the error code and the helper's facts (the gateway's
 * notify, both names of a certificate name mismatch, the chain and SHA-256 fingerprint of an
 * untrusted certificate), which can be copied for a support request.
 */
final class FailurePane extends VBox {
  private final Messages m;
  private final FailureTexts texts;
  private final Label reason = Ui.text("", "failure-title");
  private final Label fix = Ui.text("", "fix-text");
  private final GridPane details = new GridPane();
  private final TitledPane fold;
  private String headline = "";
  private Failure failure;

  FailurePane(Messages m) {
    this.m = m;
    this.texts = new FailureTexts(m);
    setId("failure");
    getStyleClass().addAll("card", "failure");
    setSpacing(Ui.em(0.4));
    setAccessibleRole(AccessibleRole.PARENT);
    setAccessibleText(m.get("a11y.failure"));
    reason.setId("failure-reason");
    fix.setId("failure-fix");
    Label fixTitle = Ui.text(m.get("failure.whatToDo"), "fix-title");
    fixTitle.setLabelFor(fix);
    details.setHgap(Ui.em(1));
    details.setVgap(Ui.em(0.3));
    details.setId("failure-details");
    Button copy = new Button(m.get("failure.copyDetails"), Ui.icon("mdi2c-content-copy"));
    copy.setId("copy-failure");
    copy.setOnAction(e -> Ui.copy(texts.copyText(headline, failure)));
    VBox inner = new VBox(Ui.em(0.6), details, copy);
    fold = new TitledPane(m.get("failure.details"), inner);
    fold.setId("failure-details-fold");
    fold.setExpanded(false);
    getChildren().addAll(reason, fixTitle, fix, fold);
  }

  /** Shows {@code f} for the connection named in {@code headline}. */
  void show(String headline, Failure f) {
    if (f.equals(failure) && headline.equals(this.headline)) {
      return;
    }
    this.headline = headline;
    this.failure = f;
    reason.setText(texts.reason(f));
    fix.setText(texts.fix(f));
    getStyleClass().remove("mild");
    if (f.code().equals("CANCELLED")) {
      getStyleClass().add("mild");
    }
    details.getChildren().clear();
    int r = 0;
    for (FailureTexts.Detail d : texts.details(f)) {
      Label k = Ui.text(d.label(), "card-key");
      k.setMinWidth(Label.USE_PREF_SIZE);
      Label v = Ui.text(d.value(), d.monospace() ? "mono" : "card-value");
      v.setAccessibleText(d.label() + ": " + d.value());
      k.setLabelFor(v);
      details.addRow(r++, k, v);
      GridPane.setHgrow(v, Priority.ALWAYS);
    }
    setAccessibleHelp(texts.reason(f) + " " + m.get("failure.whatToDo") + ": " + texts.fix(f));
  }

  /** Whether the details are unfolded. */
  boolean detailsShown() {
    return fold.isExpanded();
  }
}
