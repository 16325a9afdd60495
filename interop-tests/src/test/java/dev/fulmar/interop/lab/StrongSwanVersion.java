package dev.fulmar.interop.lab;

/** Which strongSwan build a lab daemon runs. */
public enum StrongSwanVersion {
  /** Debian 12's strongSwan 5.9.8, installed on the host. */
  V5_9("5.9."),
  /**
   * strongSwan 6.1 from Debian unstable, run from a cached debootstrap chroot ({@link SidChroot}):
   * RFC 9370 multiple key exchanges with ML-KEM-512/768/1024 (OpenSSL 3.5+).
   */
  V6_1("6.");

  private final String versionPrefix;

  StrongSwanVersion(String versionPrefix) {
    this.versionPrefix = versionPrefix;
  }

  /** Whether a daemon reporting {@code version} (e.g. "5.9.8") is of this build. */
  boolean matches(String version) {
    return version != null && version.startsWith(versionPrefix);
  }
}
