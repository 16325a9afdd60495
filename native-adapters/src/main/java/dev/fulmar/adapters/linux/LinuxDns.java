package dev.fulmar.adapters.linux;

import dev.fulmar.core.spi.DnsSettings;
import dev.fulmar.core.spi.RoutingMode;
import dev.fulmar.core.spi.SystemChangeJournal;
import java.io.IOException;

/** One way of pointing the host's resolver at the tunnel's DNS servers. */
interface LinuxDns {

  /**
   * Applies {@code dns} for the tunnel interface {@code dev}, recording each change in {@code
   * journal} before making it.
   */
  void apply(String dev, DnsSettings dns, RoutingMode mode, SystemChangeJournal journal)
      throws IOException;

  /** A name for logs and diagnostics. */
  String describe();
}
