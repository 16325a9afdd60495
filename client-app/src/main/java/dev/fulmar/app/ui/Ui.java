package dev.fulmar.app.ui;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.text.Font;
import org.kordamp.ikonli.javafx.FontIcon;

/** Small helpers shared by the views. */
final class Ui {
  private Ui() {}

  /** {@code n} times the default font size: the unit for sizes set in code. */
  static double em(double n) {
    return Font.getDefault().getSize() * n;
  }

  /** A Material Design icon (ikonli literal such as {@code mdi2l-lock}). */
  static FontIcon icon(String literal) {
    FontIcon i = new FontIcon(literal);
    i.getStyleClass().add("icon");
    return i;
  }

  /** A label with style classes that wraps its text. */
  static Label text(String text, String... styles) {
    Label l = new Label(text);
    l.setWrapText(true);
    l.getStyleClass().addAll(styles);
    return l;
  }

  /** A tooltip that appears quickly and wraps. */
  static Tooltip tip(String text) {
    Tooltip t = new Tooltip(text);
    t.setWrapText(true);
    t.setMaxWidth(em(30));
    return t;
  }

  /** Puts {@code text} on the clipboard. */
  static void copy(String text) {
    ClipboardContent c = new ClipboardContent();
    c.putString(text);
    Clipboard.getSystemClipboard().setContent(c);
  }
}
