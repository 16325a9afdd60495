package dev.fulmar.interop.fulmar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line that starts our helper {@code fulmard} in a JVM of its own, as the service
 * and a user start it: the runnable jar from the build ({@code helper/target} with its
 * {@code lib/}), else the helper's classes on this JVM's class path. One place for every lab
 * test that runs {@code fulmard run}, {@code daemon}, {@code cleanup} or {@code diagnose}.
 */
public final class FulmardLauncher {
  private FulmardLauncher() {}

  /** {@code java [jvmOptions] -jar helper.jar} or {@code java [jvmOptions] -cp ... Fulmard}. */
  public static List<String> java(String... jvmOptions) {
    List<String> out = new ArrayList<>();
    out.add(javaBinary());
    out.addAll(List.of(jvmOptions));
    Path target = Path.of(System.getProperty("user.dir")).resolveSibling("helper")
        .resolve("target");
    try (var jars = Files.list(target)) {
      Path jar = jars.filter(p -> p.getFileName().toString().matches("helper-.*\\.jar"))
          .filter(p -> !p.getFileName().toString().contains("tests")).findFirst().orElse(null);
      if (jar != null && Files.isDirectory(target.resolve("lib"))) {
        out.addAll(List.of("-jar", jar.toString()));
        return out;
      }
    } catch (IOException e) {
      // fall back to the class path
    }
    out.addAll(List.of("-cp", System.getProperty("java.class.path"),
        "dev.fulmar.helper.Fulmard"));
    return out;
  }

  /** This JVM's {@code java} executable. */
  public static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
