package dev.fulmar.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The app talks to the helper only: no class of it refers to the engine ({@code dev.fulmar.core})
 * or the OS adapters ({@code dev.fulmar.adapters}). Checked on the compiled classes' constant
 * pools, where every referenced class name appears.
 */
class ArchitectureTest {

  @Test
  void theAppNeverReachesIntoTheEngineOrTheOsAdapters() throws Exception {
    Path classes = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation()
        .toURI());
    List<String> offenders;
    try (Stream<Path> files = Files.walk(classes)) {
      offenders = files.filter(p -> p.toString().endsWith(".class")).filter(p -> {
        try {
          String pool = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
          return pool.contains("dev/fulmar/core/") || pool.contains("dev/fulmar/adapters/")
              || pool.contains("dev/fulmar/helper/");
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).map(p -> classes.relativize(p).toString()).toList();
    }
    assertThat(offenders).isEmpty();
    assertThat(classes.resolve("dev/fulmar/app/Launcher.class")).exists();
  }
}
