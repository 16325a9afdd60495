package dev.fulmar.core.ike;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The logger of one session, prefixing each line with {@code [profile/ike-spi]} (STYLE naming
 * notes). Never given keys, passwords or PSKs.
 */
public final class SessionLog {
  private static final Logger LOG = LoggerFactory.getLogger("dev.fulmar.core.ike");

  private final String profile;
  private String spi = "-";

  public SessionLog(String profile) {
    this.profile = profile;
  }

  public void setSpi(long spiInitiator) {
    this.spi = String.format("%016x", spiInitiator);
  }

  private String prefix() {
    return "[" + profile + "/" + spi + "] ";
  }

  public void info(String format, Object... args) {
    if (LOG.isInfoEnabled()) {
      LOG.info(prefix() + format, args);
    }
  }

  public void debug(String format, Object... args) {
    if (LOG.isDebugEnabled()) {
      LOG.debug(prefix() + format, args);
    }
  }

  public void warn(String format, Object... args) {
    LOG.warn(prefix() + format, args);
  }

  public void error(String message, Throwable t) {
    LOG.error(prefix() + message, t);
  }
}
