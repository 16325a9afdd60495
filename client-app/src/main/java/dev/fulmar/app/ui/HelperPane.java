package dev.fulmar.app.ui;

import dev.fulmar.app.helper.HelperLink.Availability;
import dev.fulmar.app.i18n.Messages;
import dev.fulmar.control.SocketPaths;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Says exactly why the app cannot use the helper and how to fix it: not running (the command
 * that starts it), not permitted (the command that adds the user to group {@code fulmar}), a
 * version mismatch, or another failure; with a "Try again" button (the app also retries by
 * itself).
 */
final class HelperPane extends VBox {
  private final Messages m;
  private final Runnable retry;
  private final String osName;
  private java.util.List<Object> shown;

  HelperPane(Messages m, Runnable retry, String osName) {
    this.m = m;
    this.retry = retry;
    this.osName = osName;
    setId("helper-problem");
    getStyleClass().addAll("card", "helper-problem");
    setSpacing(Ui.em(0.5));
    setAccessibleRole(AccessibleRole.PARENT);
  }

  /** Shows the advice for {@code a}; {@code message} is the client library's text. */
  void show(Availability a, String message, String user) {
    java.util.List<Object> key = java.util.Arrays.asList(a, message, user);
    if (key.equals(shown)) {
      return; // keep the nodes (and the keyboard focus on them)
    }
    shown = key;
    getChildren().clear();
    switch (a) {
      case NOT_RUNNING -> {
        fill("helper.notRunning.title", m.get("helper.notRunning.text"),
            m.get("helper.notRunning.fix"), startCommand(osName));
        if (!osName.toLowerCase(java.util.Locale.ROOT).startsWith("windows")) {
          getChildren().add(getChildren().size() - 2, Ui.text(m.get("helper.notRunning.source",
              "sudo bin/fulmard daemon"), "subline"));
        }
      }
      case NOT_PERMITTED -> fill("helper.notPermitted.title",
          m.get("helper.notPermitted.text", user), m.get("helper.notPermitted.fix"),
          SocketPaths.joinGroupHint(osName, user));
      case INCOMPATIBLE -> fill("helper.incompatible.title",
          m.get("helper.incompatible.text", message), m.get("helper.incompatible.fix"), null);
      case FAILED -> fill("helper.failed.title", message, m.get("helper.failed.fix"), null);
      default -> getChildren().add(Ui.text(m.get("helper.connecting"), "subline"));
    }
  }

  /** The command that starts the installed helper on {@code osName} (only the command). */
  static String startCommand(String osName) {
    String os = osName.toLowerCase(java.util.Locale.ROOT);
    if (os.startsWith("windows")) {
      return "sc start fulmard";
    }
    if (os.startsWith("mac")) {
      return "sudo launchctl kickstart system/dev.fulmar.fulmard";
    }
    return "sudo systemctl start fulmard";
  }

  private void fill(String titleKey, String text, String fix, String command) {
    Label title = Ui.text(m.get(titleKey), "failure-title");
    title.setId("helper-title");
    Label body = Ui.text(text, "helper-text");
    body.setId("helper-text");
    Label fixLabel = Ui.text(fix, "fix-title");
    getChildren().addAll(title, body, fixLabel);
    if (command != null) {
      TextField cmd = new TextField(command);
      cmd.setEditable(false);
      cmd.setId("helper-command");
      cmd.getStyleClass().addAll("mono", "command");
      cmd.setAccessibleText(fix + " " + command);
      fixLabel.setLabelFor(cmd);
      Button copy = new Button(m.get("helper.copyCommand"), Ui.icon("mdi2c-content-copy"));
      copy.setId("copy-command");
      copy.setOnAction(e -> Ui.copy(command));
      HBox.setHgrow(cmd, Priority.ALWAYS);
      getChildren().add(new HBox(Ui.em(0.5), cmd, copy));
    }
    Button again = new Button(m.get("action.retry"), Ui.icon("mdi2r-refresh"));
    again.setId("retry-helper");
    again.setOnAction(e -> retry.run());
    getChildren().addAll(Ui.text(m.get("helper.retrying"), "subline"), again);
  }
}
