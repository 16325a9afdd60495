package dev.fulmar.helper.run;

import dev.fulmar.adapters.linux.LinuxPlatform;
import dev.fulmar.core.spi.Platform;
import java.nio.file.Path;
import java.util.Locale;

/** The {@link Platform} of the operating system the helper runs on. */
public final class Platforms {
  private Platforms() {}

  /**
   * @param journalDir where the journal of system changes lives
   * @throws UnsupportedOperationException on an operating system without an adapter yet
   */
  public static Platform forThisHost(Path journalDir) {
    String os = System.getProperty("os.name", "?");
    if (!os.toLowerCase(Locale.ROOT).startsWith("linux")) {
      throw new UnsupportedOperationException("running a tunnel is not supported on " + os
          + " yet (Linux only)");
    }
    return LinuxPlatform.builder().journalDir(journalDir).build();
  }
}
