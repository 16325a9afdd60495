package dev.fulmar.app.testing;

import java.lang.management.ManagementFactory;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The baseline for the app's start-time measurement: the smallest JavaFX window (one label),
 * started the same way and timed the same way (JVM start to the window's first "shown").
 */
public final class StartBaseline {
  private StartBaseline() {}

  public static void main(String[] args) {
    Application.launch(Window.class);
  }

  /** The window. */
  public static final class Window extends Application {
    @Override
    public void start(Stage stage) {
      stage.setScene(new Scene(new Label("baseline"), 400, 300));
      stage.setOnShown(e -> {
        long ms = System.currentTimeMillis()
            - ManagementFactory.getRuntimeMXBean().getStartTime();
        var os = ManagementFactory.getOperatingSystemMXBean();
        long cpu = os instanceof com.sun.management.OperatingSystemMXBean b
            ? b.getProcessCpuTime() / 1_000_000 : -1;
        System.out.println("baseline: window visible " + ms + " ms after JVM start, " + cpu
            + " ms CPU");
        Platform.runLater(() -> {
          Platform.exit();
          System.exit(0);
        });
      });
      stage.show();
    }
  }
}
