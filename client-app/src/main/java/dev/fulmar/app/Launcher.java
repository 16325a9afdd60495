package dev.fulmar.app;

import dev.fulmar.app.settings.SystemTheme;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.application.Application;

/**
 * The app's entry point: a plain class (not a JavaFX {@code Application}, which cannot be started
 * from the class path directly). Parses the command line, hands a profile file to an already
 * running instance, starts asking the OS for its colour scheme while JavaFX starts, and launches
 * {@link FulmarApp}.
 *
 * <pre>
 *   java -cp &lt;client-app jar and its dependencies&gt; dev.fulmar.app.Launcher [OPTIONS] [FILE]
 * </pre>
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] argv) {
    AppArgs args;
    try {
      args = AppArgs.parse(List.of(argv));
    } catch (AppArgs.UsageException e) {
      System.err.println("fulmar-app: " + e.getMessage());
      System.exit(2);
      return;
    }
    if (args == null) {
      System.out.println(AppArgs.USAGE);
      return;
    }
    Path instance = SingleInstance.defaultSocket();
    if (!args.measureStart()) {
      String request = args.file() == null ? "show"
          : "import\t" + args.file().toAbsolutePath();
      if (SingleInstance.handOver(instance, request)) {
        return;
      }
    }
    CompletableFuture<Boolean> dark = CompletableFuture.supplyAsync(SystemTheme::prefersDark);
    Warmup.start();
    FulmarApp.configure(args, dark, instance);
    Application.launch(FulmarApp.class);
  }
}
