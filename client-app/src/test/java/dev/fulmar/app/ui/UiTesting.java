package dev.fulmar.app.ui;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Small helpers of the UI tests. */
final class UiTesting {
  private UiTesting() {}

  /** Waits (at most 10 s) until {@code c} holds, then for pending UI events. */
  static void waitUntil(BooleanSupplier c) throws Exception {
    WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, c::getAsBoolean);
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** Whether a node matching {@code query} exists and is visible. */
  static boolean visible(FxRobot robot, String query) {
    return robot.lookup(query).tryQuery().map(javafx.scene.Node::isVisible).orElse(false);
  }

  /** A test resource file of this package's profiles. */
  static Path resource(String name) throws Exception {
    return Path.of(UiTesting.class.getResource("/dev/fulmar/app/profiles/" + name).toURI());
  }

  /** The clipboard's text. */
  static String clipboard(FxRobot robot) {
    String[] clip = new String[1];
    robot.interact(() -> clip[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString());
    return clip[0];
  }
}
